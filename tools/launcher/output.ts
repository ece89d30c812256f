import { LineSplitter, LogFormat, prettyLine } from './log-view';

interface Sink {
  write(text: string): unknown;
}

/**
 * Where the launcher and its children write. JSON format: children's lines pass through untouched (one JSON object a
 * line, for log tools) and the launcher's own lines carry `[dealgate]`. Pretty format: the short view of log-view.ts.
 */
export class LauncherOutput {
  private readonly splitters = new Map<string, LineSplitter>();

  constructor(
    readonly format: LogFormat,
    private readonly out: Sink = process.stdout,
    private readonly err: Sink = process.stderr,
    private readonly color = false,
  ) {}

  /** One line from the launcher itself. */
  line(text: string): void {
    this.out.write(this.format === 'json' ? `[dealgate] ${text}\n` : `${text}\n`);
  }

  /** A block a person should not miss (the summary): set apart by blank lines in the pretty view. */
  block(lines: readonly string[]): void {
    // One write, so a reader never sees half of it (the start test reads the URLs right after the first line).
    if (this.format === 'json') this.out.write(lines.map((l) => `[dealgate] ${l}\n`).join(''));
    else this.out.write(`\n${lines.join('\n')}\n\n`);
  }

  /** Output of a child process. */
  child(name: string, stream: 'stdout' | 'stderr', chunk: string): void {
    const sink = stream === 'stdout' ? this.out : this.err;
    if (this.format === 'json') {
      sink.write(chunk);
      return;
    }
    const key = `${name}:${stream}`;
    const splitter = this.splitters.get(key) ?? new LineSplitter();
    this.splitters.set(key, splitter);
    for (const raw of splitter.push(chunk)) {
      const shown = prettyLine(name, raw, { color: this.color });
      if (shown !== null) sink.write(`${shown}\n`);
    }
  }
}
