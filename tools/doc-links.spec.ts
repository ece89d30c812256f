import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// Every relative link in the Markdown docs points at a file inside the repository: markdown links, and paths to .md
// files written as code (`../docs/x.md`), which readers follow too.
const ROOT = resolve(__dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'var', '.git', 'coverage']);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

function relativeTargets(text: string): string[] {
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  const codePaths = [...text.matchAll(/`(\.\.?\/[^`\s]+\.md)`/g)].map((m) => m[1]);
  return [...links, ...codePaths]
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.split('#')[0]);
}

describe('documentation links', () => {
  it('point at files that exist', () => {
    const broken = markdownFiles(ROOT).flatMap((file) =>
      relativeTargets(readFileSync(file, 'utf8'))
        .filter((target) => {
          // Inside the repository: a file next to the clone (e.g. ../shared) is not there for other readers.
          const path = resolve(dirname(file), target);
          return !path.startsWith(`${ROOT}/`) || !existsSync(path);
        })
        .map((target) => `${file.slice(ROOT.length + 1)} -> ${target}`),
    );
    expect(broken).toEqual([]);
  });
});
