import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root, which the paths below are relative to. */
export const ROOT = join(__dirname, '..', '..');

/**
 * Every migration file of every service (`apps/<service>/src/migrations/**.ts`), relative to the root, sorted.
 * index.ts only lists the migrations (imports of ./<migration>) and runs no SQL, so it is left out.
 * (scripts/lock-migrations.mjs walks the same way in plain JavaScript: it runs without a TypeScript loader.)
 */
export function migrationFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && entry.name !== 'index.ts') found.push(path);
    }
  };
  for (const app of readdirSync(join(ROOT, 'apps'))) {
    if (readdirSync(join(ROOT, 'apps', app, 'src')).includes('migrations')) walk(`apps/${app}/src/migrations`);
  }
  return found.sort();
}
