// Builds when the sources are newer than the last build (used by CLI scripts).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function newestSourceMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(path));
    else if (/\.(ts|tsx|css|html)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureBuilt() {
  // Written only by a build that succeeded (tsc writes its .tsbuildinfo even when it fails).
  const buildInfo = join(root, 'dist', '.build-ok');
  const sources = Math.max(...['apps', 'libs', 'tools', 'bench'].map((d) => newestSourceMtime(join(root, d))));
  if (!existsSync(buildInfo) || sources > statSync(buildInfo).mtimeMs) {
    console.log('[dealgate] building…');
    try {
      execSync('npm run build --silent', { cwd: root, stdio: 'inherit' });
    } catch {
      console.error('[dealgate] the build failed (see the TypeScript errors above).');
      process.exit(1);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuilt();
