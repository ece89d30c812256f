// What `npm start` shows: the services' pino JSON lines as they are (`json`), or one short line per event a person
// cares about (`pretty`: service starts, warnings, errors), with Nest's start-up chatter left out.

export type LogFormat = 'json' | 'pretty';

interface PinoLine {
  level?: number;
  time?: number;
  service?: string;
  context?: string;
  msg?: string;
  correlationId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; type?: string };
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const WARN = 40;

// Printed once per start by Nest itself: module wiring and every route mapped (about 250 lines for five services).
const START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

const ANSI = { dim: '\x1b[2m', yellow: '\x1b[33m', red: '\x1b[31m', green: '\x1b[32m', reset: '\x1b[0m' };
type Color = keyof Omit<typeof ANSI, 'reset'>;

export interface PrettyOptions {
  /** ANSI colours (only on a terminal). */
  color?: boolean;
}

function paint(text: string, color: Color, options: PrettyOptions): string {
  return options.color ? `${ANSI[color]}${text}${ANSI.reset}` : text;
}

function clock(time: number | undefined): string {
  return new Date(time ?? Date.now()).toISOString().slice(11, 19);
}

const pad = (name: string) => name.padEnd(13);

function parse(line: string): PinoLine | null {
  if (!line.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

/** The first line of a message (stack traces and multi-line texts stay in the JSON view). */
const firstLine = (text: string) => text.split('\n')[0].trim();

function describe(entry: PinoLine): string {
  if (entry.req && entry.res) {
    const took = entry.responseTime === undefined ? '' : ` (${Math.round(entry.responseTime)} ms)`;
    return `${entry.req.method ?? '?'} ${entry.req.url ?? '?'} -> ${entry.res.statusCode ?? '?'}${took}`;
  }
  const message = firstLine(entry.msg ?? entry.err?.message ?? '');
  const context = entry.context && entry.context !== entry.service ? `${entry.context}: ` : '';
  return `${context}${message}`;
}

/**
 * One child output line in the pretty view, or null to leave it out. Kept: a service's "listening" line, every
 * warning and error (one line each, with the correlation id to look it up in the JSON logs), and any line that is
 * not pino JSON (a crash before the logger exists). Left out: other info and debug lines.
 */
export function prettyLine(service: string, line: string, options: PrettyOptions = {}): string | null {
  if (line.trim() === '') return null;
  const entry = parse(line);
  if (!entry) return `${clock(undefined)} ${pad(service)} ${firstLine(line) || line}`;
  const level = entry.level ?? 30;
  const name = pad(entry.service ?? service);
  const at = clock(entry.time);
  if (level < WARN) {
    if (entry.context && START_UP_CONTEXTS.has(entry.context)) return null;
    const listening = /listening on (\S+)/.exec(entry.msg ?? '');
    return listening ? `${at} ${name} ${paint('started', 'green', options)} on ${listening[1]}` : null;
  }
  const label = paint((LEVELS[level] ?? String(level)).padEnd(5), level >= 50 ? 'red' : 'yellow', options);
  const correlation = entry.correlationId ? paint(` [${entry.correlationId}]`, 'dim', options) : '';
  return `${at} ${name} ${label} ${describe(entry)}${correlation}`;
}

/**
 * The error a line tells of, in one line, or null: a pino error or fatal (its message), or a line that is not JSON on
 * stderr (a crash before the logger exists: Node's own "Error: Cannot find module …"). What the launcher repeats when a
 * service keeps dying.
 */
export function errorText(line: string, stream: 'stdout' | 'stderr'): string | null {
  if (line.trim() === '') return null;
  const entry = parse(line);
  if (!entry) return stream === 'stderr' && !/^\s+at /.test(line) ? firstLine(line) : null;
  return (entry.level ?? 30) >= 50 ? describe(entry) : null;
}

/** Splits a child's output stream into whole lines (a chunk may end mid-line). */
export class LineSplitter {
  private rest = '';

  push(chunk: string): string[] {
    const lines = (this.rest + chunk).split('\n');
    this.rest = lines.pop() ?? '';
    return lines;
  }

  flush(): string[] {
    const rest = this.rest;
    this.rest = '';
    return rest ? [rest] : [];
  }
}

/** JSON when asked (`LOG_FORMAT=json`, `--json`) or when the output is not a terminal; pretty on a terminal. */
export function chooseLogFormat(env: NodeJS.ProcessEnv, argv: readonly string[], isTty: boolean): LogFormat {
  if (argv.includes('--json') || env.LOG_FORMAT === 'json') return 'json';
  if (argv.includes('--pretty') || env.LOG_FORMAT === 'pretty') return 'pretty';
  return isTty ? 'pretty' : 'json';
}
