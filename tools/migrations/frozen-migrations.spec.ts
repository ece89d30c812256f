import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ROOT, migrationFiles } from './migration-files';

// A committed migration is history: a database that ran it never runs it again, so editing it (or a schema piece it
// calls) leaves that database and a fresh one with different schemas. The lock records every migration's hash;
// `npm run migrations:lock` adds new files and refuses changed ones.
const lock = JSON.parse(readFileSync(join(__dirname, 'lock.json'), 'utf8')) as {
  shared: string[];
  sha256: Record<string, string>;
};
const hash = (path: string) =>
  createHash('sha256')
    .update(readFileSync(join(ROOT, path)))
    .digest('hex');

describe('frozen migrations', () => {
  const files = migrationFiles();

  it('finds the migrations of every service that has a schema', () => {
    const services = new Set(files.map((path) => path.split('/')[1]));
    expect([...services].sort()).toEqual(['approvals', 'contracts', 'gateway', 'notifications', 'prospects']);
  });

  it('has every migration and shared schema piece locked, unchanged since it was locked', () => {
    const drift = [...lock.shared, ...files].flatMap((path) =>
      lock.sha256[path] === undefined
        ? [`${path}: not locked (run npm run migrations:lock)`]
        : lock.sha256[path] !== hash(path)
          ? [`${path}: changed after it was locked (revert it; write a new migration)`]
          : [],
    );
    expect(drift).toEqual([]);
  });

  it('keeps every locked file: a migration that ran somewhere is never deleted', () => {
    const present = new Set([...lock.shared, ...files]);
    expect(Object.keys(lock.sha256).filter((path) => !present.has(path))).toEqual([]);
  });

  it('lists every migration of a service in its index.ts, in timestamp order', () => {
    const folders = [...new Set(files.filter((path) => basename(dirname(path)) === 'migrations').map(dirname))];
    for (const folder of folders) {
      const index = readFileSync(join(ROOT, folder, 'index.ts'), 'utf8');
      const own = files.filter((path) => dirname(path) === folder).map((path) => basename(path, '.ts'));
      const imported = [...index.matchAll(/from '\.\/(\d{13}-[a-z0-9-]+)'/g)].map((match) => match[1]);
      expect({ folder, imported }).toEqual({ folder, imported: [...own].sort() });
      const listed = [...index.matchAll(/^\s+([A-Za-z]+\d{13}),$/gm)].map((match) => Number(match[1].slice(-13)));
      expect({ folder, listed }).toEqual({ folder, listed: [...listed].sort((a, b) => a - b) });
      expect(listed).toHaveLength(own.length);
    }
  });
});
