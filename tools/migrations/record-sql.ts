import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Runs every migration's up() and down() against a runner that only records its query(sql, params) calls, and writes
// them, one file per migration, to the folder given (default /tmp/migration-sql). Two runs diffed prove that a rewrite
// of a migration (e.g. inlining the SQL it took from a library) sends the database the very same statements.
//   node -r ./tools/openapi/register.js tools/migrations/record-sql.ts /tmp/before
// No migration reads what query() returns, so an empty answer stands in for the database.

type Call = { sql: string; params?: unknown[] };

const ROOT = join(__dirname, '..', '..');

/** A QueryRunner whose query() records the call; the migrations use nothing else of it. */
function recordingRunner(calls: Call[]): QueryRunner {
  const query = (sql: string, params?: unknown[]) => {
    calls.push(params === undefined ? { sql } : { sql, params });
    return Promise.resolve([]);
  };
  return { query } as unknown as QueryRunner;
}

// undefined would vanish from JSON (or turn into null inside an array): keep it visible in the diff.
const show = (_key: string, value: unknown) => (value === undefined ? '<undefined>' : value);

export async function recordMigrations(): Promise<Map<string, { up: Call[]; down: Call[] }>> {
  const recorded = new Map<string, { up: Call[]; down: Call[] }>();
  for (const app of readdirSync(join(ROOT, 'apps')).sort()) {
    if (!readdirSync(join(ROOT, 'apps', app, 'src')).includes('migrations')) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const index = require(join(ROOT, 'apps', app, 'src', 'migrations')) as Record<string, unknown>;
    const [list] = Object.values(index).filter(Array.isArray) as (new () => MigrationInterface)[][];
    for (const Migration of list) {
      const migration = new Migration();
      const up: Call[] = [];
      const down: Call[] = [];
      await migration.up(recordingRunner(up));
      await migration.down(recordingRunner(down));
      recorded.set(`${app}/${migration.name ?? Migration.name}`, { up, down });
    }
  }
  return recorded;
}

if (require.main === module) {
  const out = process.argv[2] ?? '/tmp/migration-sql';
  void recordMigrations().then((recorded) => {
    let statements = 0;
    for (const [key, calls] of recorded) {
      mkdirSync(join(out, key.split('/')[0]), { recursive: true });
      writeFileSync(join(out, `${key}.json`), `${JSON.stringify(calls, show, 2)}\n`);
      statements += calls.up.length + calls.down.length;
    }
    console.log(`${recorded.size} migrations, ${statements} statements recorded in ${out}`);
  });
}
