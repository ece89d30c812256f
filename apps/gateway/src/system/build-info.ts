import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BuildInfo } from './system-status.view';

/** The repository's package.json version, found upwards from this file (the source tree and dist/ alike). */
export function packageVersion(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'dealgate' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

const STARTED_AT = new Date().toISOString();

export function buildInfo(build: string | undefined): BuildInfo {
  return { version: packageVersion(), build: build ?? null, node: process.version, startedAt: STARTED_AT };
}
