import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, migrationFiles } from './migration-files';

// A migration is the SQL as it shipped. Had it imported a library's schema piece or a domain constant, a later edit
// there would change what a fresh database gets and leave the migrated ones as they were, and the migrations lock
// (frozen-migrations.spec.ts) would not see it. So a migration imports only typeorm's types; the check reads the
// files as text, so it also catches an import that a type-checker would drop.

/** Every module a file names: import/export ... from, bare import, require() and import(). */
export function importedModules(source: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\b(?:require|import)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]));
}

describe('migrations import nothing', () => {
  const files = migrationFiles();

  it('finds the migrations', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('has every migration import from typeorm only', () => {
    const offending = files.flatMap((path) =>
      importedModules(readFileSync(join(ROOT, path), 'utf8'))
        .filter((module) => module !== 'typeorm')
        .map((module) => `${path} imports ${module}`),
    );
    expect(offending).toEqual([]);
  });

  it('sees every form of import', () => {
    const source = [
      "import { MigrationInterface, QueryRunner } from 'typeorm';",
      "import {\n  createMessagingTables,\n  dropMessagingTables,\n} from '@dealgate/messaging';",
      "import type { Policy } from '@dealgate/domain';",
      "export { X } from './sql/x';",
      "import './side-effect';",
      "const a = require('../lib');",
      "const b = await import('../lazy');",
    ].join('\n');
    expect(importedModules(source)).toEqual([
      'typeorm',
      '@dealgate/messaging',
      '@dealgate/domain',
      './sql/x',
      './side-effect',
      '../lib',
      '../lazy',
    ]);
  });
});
