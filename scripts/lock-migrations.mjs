// `npm run migrations:lock`: records the SHA-256 of every migration file that is not in tools/migrations/lock.json yet
// (and of the shared schema pieces the lock lists). It never changes a recorded hash: a committed migration is frozen,
// and a change to the schema is a new migration. tools/migrations/frozen-migrations.spec.ts checks the lock.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lockPath = join(root, 'tools', 'migrations', 'lock.json');

/** Every migration file of every service (its folder and sub-folders such as sql/), index.ts excepted. */
export function migrationFiles() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && entry.name !== 'index.ts') found.push(relative(root, path));
    }
  };
  for (const app of readdirSync(join(root, 'apps'))) {
    try {
      walk(join(root, 'apps', app, 'src', 'migrations'));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
  }
  return found.sort();
}

export const sha256 = (path) =>
  createHash('sha256')
    .update(readFileSync(join(root, path)))
    .digest('hex');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  let added = 0;
  for (const path of [...lock.shared, ...migrationFiles()]) {
    const hash = sha256(path);
    if (!lock.sha256[path]) {
      lock.sha256[path] = hash;
      added += 1;
      console.log(`locked ${path}`);
    } else if (lock.sha256[path] !== hash) {
      console.error(`${path} changed after it was locked: revert it and write a new migration instead`);
      process.exitCode = 1;
    }
  }
  lock.sha256 = Object.fromEntries(Object.entries(lock.sha256).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(added ? `${added} file(s) locked` : 'nothing new to lock');
}
