// `npm start`: installs, builds and launches the whole system from a fresh clone. Plain Node, no dependencies,
// because it runs before `npm ci` may have happened.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs) {
  console.log('[dealgate] installing dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
}
ensureBuilt();
await import(join(root, 'dist', 'tools', 'launcher', 'main.js'));
