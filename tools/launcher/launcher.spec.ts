import { chooseLogFormat, LineSplitter, prettyLine } from './log-view';
import { LauncherOutput } from './output';
import { childSpecs } from './services';
import { servicesTouchedBy } from './watch';

const pino = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 30, time: Date.UTC(2026, 11, 1, 9, 30, 5), service: 'prospects', ...fields });

describe('pretty log view', () => {
  it('shows a service start as one short line', () => {
    const line = pino({ context: 'prospects', msg: 'prospects listening on http://127.0.0.1:3001' });
    expect(prettyLine('prospects', line)).toBe('09:30:05 prospects     started on http://127.0.0.1:3001');
  });

  it.each(['RouterExplorer', 'RoutesResolver', 'InstanceLoader', 'NestFactory', 'NestApplication', 'JobDispatcher'])(
    'leaves out info lines of %s',
    (context) => {
      expect(prettyLine('prospects', pino({ context, msg: 'Mapped {/api/prospects, GET} route' }))).toBeNull();
    },
  );

  it('shows a warning and an error on one line each, with the correlation id', () => {
    const warn = pino({ level: 40, context: 'FirstAdmin', msg: 'No user exists yet', correlationId: 'c-1' });
    expect(prettyLine('prospects', warn)).toBe('09:30:05 prospects     WARN  FirstAdmin: No user exists yet [c-1]');
    const error = pino({ level: 50, context: 'Errors', msg: 'Error: boom\n    at x (y.js:1:1)' });
    expect(prettyLine('prospects', error)).toBe('09:30:05 prospects     ERROR Errors: Error: boom');
  });

  it('shows a refused request as method, path, status and time', () => {
    const request = pino({
      level: 40,
      msg: 'request completed',
      req: { method: 'POST', url: '/api/samples' },
      res: { statusCode: 422 },
      responseTime: 12.4,
    });
    expect(prettyLine('prospects', request)).toBe('09:30:05 prospects     WARN  POST /api/samples -> 422 (12 ms)');
  });

  it('keeps a line that is not JSON (a crash before the logger exists), named by its service', () => {
    expect(prettyLine('contracts', 'Error: Cannot find module x')).toMatch(/^\d\d:\d\d:\d\d contracts +Error: Cannot/);
  });

  it('colours levels only when asked', () => {
    expect(prettyLine('prospects', pino({ level: 50, msg: 'x' }), { color: true })).toContain('\x1b[31mERROR');
  });
});

describe('line splitter', () => {
  it('gives whole lines only, holding a line cut across chunks', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(splitter.push(':2}\n')).toEqual(['{"b":2}']);
    expect(splitter.flush()).toEqual([]);
  });
});

describe('log format', () => {
  it.each<[string, NodeJS.ProcessEnv, string[], boolean, string]>([
    ['a terminal', {}, [], true, 'pretty'],
    ['a pipe', {}, [], false, 'json'],
    ['LOG_FORMAT=json on a terminal', { LOG_FORMAT: 'json' }, [], true, 'json'],
    ['--json on a terminal', {}, ['--json'], true, 'json'],
    ['LOG_FORMAT=pretty on a pipe', { LOG_FORMAT: 'pretty' }, [], false, 'pretty'],
  ])('%s', (_case, env, argv, tty, format) => {
    expect(chooseLogFormat(env, argv, tty)).toBe(format);
  });
});

describe('child specs', () => {
  const settings = {
    dist: '/d',
    databaseUrl: 'postgres://x',
    jwtSecret: 'j',
    piiKey: 'p',
    firstAdminFile: '/v/first-admin.json',
  };

  it('points notification links at the port the gateway really runs on', () => {
    const specs = childSpecs({ ...settings, env: { PORT: '3300' } });
    expect(new Set(specs.map((s) => s.env.PUBLIC_URL))).toEqual(new Set(['http://localhost:3300']));
    expect(specs.find((s) => s.name === 'gateway')?.env.PORT).toBe('3300');
  });

  it('keeps a PUBLIC_URL the user set', () => {
    const specs = childSpecs({ ...settings, env: { PUBLIC_URL: 'https://dealgate.example' } });
    expect(specs.find((s) => s.name === 'notifications')?.env.PUBLIC_URL).toBe('https://dealgate.example');
  });

  it('leaves out the services asked to be skipped', () => {
    const specs = childSpecs({ ...settings, env: {}, skip: ['prospects'] });
    expect(specs.map((s) => s.name)).toEqual(['approvals', 'contracts', 'notifications', 'gateway']);
    expect(specs[0].script).toBe('/d/apps/approvals/src/main.js');
  });
});

describe('watch mode', () => {
  const all = ['gateway', 'prospects', 'approvals'];
  it.each<[string, string[]]>([
    ['apps/prospects/src/offers/offer.service.js', ['prospects']],
    ['libs/domain/src/funnel/offer-gate.js', all],
    ['apps/prospects/src/offers/offer.service.js.map', []],
    ['apps/console/index.js', []],
  ])('a change of %s restarts %j', (file, services) => {
    expect(servicesTouchedBy(file, all)).toEqual(services);
  });
});

describe('launcher output', () => {
  it('writes the summary block in one piece, so a reader never sees half of it', () => {
    const writes: string[] = [];
    const output = new LauncherOutput('json', { write: (t: string) => writes.push(t) }, { write: () => true });
    output.block(['Dealgate is running.', '  API docs:  http://localhost:3000/api/docs']);
    expect(writes).toEqual([
      '[dealgate] Dealgate is running.\n[dealgate]   API docs:  http://localhost:3000/api/docs\n',
    ]);
  });
});
