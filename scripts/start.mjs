// `npm start`: installs, builds and launches the whole system from a fresh clone. Plain Node, no dependencies,
// because it runs before `npm ci` may have happened.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs) {
  console.log('[dealgate] installing dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
}
const buildInfo = join(root, 'dist', '.tsbuildinfo');
const sources = Math.max(...['apps', 'libs', 'tools'].map((d) => newestMtime(join(root, d))));
if (!existsSync(buildInfo) || sources > statSync(buildInfo).mtimeMs) {
  console.log('[dealgate] building…');
  run('npm run build --silent');
}
await import(join(root, 'dist', 'tools', 'launcher', 'main.js'));
