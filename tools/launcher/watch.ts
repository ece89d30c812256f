import { FSWatcher, watch } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * Which services a changed build file concerns: a file under dist/apps/<name> that service, a file under dist/libs
 * every service (they all stand on the libs). Source maps and build metadata concern none.
 */
export function servicesTouchedBy(file: string, services: readonly string[]): readonly string[] {
  const parts = file.split(/[\\/]/);
  if (!file.endsWith('.js')) return [];
  if (parts[0] === 'libs') return services;
  if (parts[0] === 'apps' && services.includes(parts[1])) return [parts[1]];
  return [];
}

/**
 * Watches the build output (the compiler in watch mode rewrites it) and calls `restart` once per service after the
 * writes settle, so one save that touches many files restarts each service once.
 */
export function watchBuild(
  dist: string,
  services: readonly string[],
  restart: (names: string[]) => void,
  settleMs = 800,
): () => void {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = ['apps', 'libs'].map((top) =>
    watch(join(dist, top), { recursive: true }, (_event, name) => {
      if (!name) return;
      servicesTouchedBy(`${top}${sep}${name.toString()}`, services).forEach((s) => changed.add(s));
      if (changed.size === 0) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const names = [...changed];
        changed.clear();
        restart(names);
      }, settleMs);
    }),
  );
  return () => {
    if (timer) clearTimeout(timer);
    watchers.forEach((w) => w.close());
  };
}
