// `npm run dev`: the whole system in watch mode. The TypeScript compiler (and tsc-alias, which rewrites the
// @dealgate/* imports) keep dist/ up to date as you save; the launcher (`--watch`) restarts each service whose built
// files changed (a change in libs/ restarts all of them). Same data, ports and variables as `npm start`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const node = (script, args) =>
  spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });

ensureBuilt();
const project = ['-p', 'tsconfig.build.json'];
const tsc = node(require.resolve('typescript/bin/tsc'), [...project, '--watch', '--preserveWatchOutput']);
const alias = node(require.resolve('tsc-alias/dist/bin/index.js'), [...project, '--watch']);
alias.stdout.resume();
const watchers = [tsc, alias];
process.on('exit', () => watchers.forEach((w) => w.kill()));

// The launcher starts after the compiler's first pass, so that pass restarts nothing.
let launched = false;
let rest = '';
tsc.stdout.on('data', (chunk) => {
  const lines = (rest + chunk.toString()).split('\n');
  rest = lines.pop() ?? '';
  for (const line of lines.filter((l) => l.trim())) {
    process.stdout.write(`[tsc] ${line.replace(/\x1b\[[0-9;]*m/g, '')}\n`);
    if (!launched && /Watching for file changes/.test(line)) {
      launched = true;
      setTimeout(() => {
        process.argv.push('--watch');
        void import(join(root, 'dist', 'tools', 'launcher', 'main.js'));
      }, 1500);
    }
  }
});
