import { readFileSync, readdirSync } from 'node:fs';

/** What /proc says about one process: its parent, command, CPU time so far and memory. */
export interface ProcessSample {
  pid: number;
  ppid: number;
  command: string;
  /** user + system CPU time, in clock ticks */
  cpuTicks: number;
  rssKb: number;
  pssKb: number;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on every Linux this runs on). */
export const CLOCK_TICKS = 100;

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended meanwhile
  }
}

export function sampleProcess(pid: number): ProcessSample | null {
  const stat = read(`/proc/${pid}/stat`);
  const rollup = read(`/proc/${pid}/smaps_rollup`);
  if (!stat || !rollup) return null;
  // The command name is in parentheses and may hold spaces: the numeric fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
  const cmdline = (read(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean);
  return {
    pid,
    ppid: Number(fields[1]),
    command: cmdline.join(' ') || stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    cpuTicks: Number(fields[11]) + Number(fields[12]),
    rssKb: kb('Rss'),
    pssKb: kb('Pss'),
  };
}

/** The process and all its descendants, found by their parent ids. */
export function processTree(root: number): ProcessSample[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => sampleProcess(Number(name)))
    .filter((p): p is ProcessSample => p !== null);
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => inTree.has(p.pid));
}

/** A short name for the table: the service a node process runs, or the PostgreSQL process' own title. */
export function processLabel(p: ProcessSample): string {
  const service = /dist\/apps\/([a-z]+)\/src\/main\.js/.exec(p.command)?.[1];
  if (service) return `node ${service}`;
  if (p.command.includes('launcher/main.js')) return 'node launcher';
  return p.command.length > 60 ? `${p.command.slice(0, 57)}...` : p.command;
}
