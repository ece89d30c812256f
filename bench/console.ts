/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- a command-line report reading JSON answers loosely */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { Browser, Page, chromium } from 'playwright-core';
import { startEmbeddedPostgres } from '@dealgate/database';
import { Role } from '@dealgate/domain';
import { createTestDatabase, testEnv } from '@dealgate/testing';
import { startSystem } from '../test/support/system-harness';

/**
 * `npm run bench:console`: (a) the built console's initial JS and CSS (gzip) for the login route and for the board
 * route, from dist/console (or CONSOLE_DIR) and its Vite manifest, against the 300 kB budget; (b) with the whole
 * system in this process and BENCH_PROSPECTS (default 2,000) prospects owned by one salesperson, the time from
 * navigation to an interactive board in headless Chromium and the API requests the board made, beside the same
 * navigation to the home page and the raw API time of GET /api/prospects/board.
 * Uses DATABASE_URL's server (a throw-away database) or starts an embedded PostgreSQL.
 */
// Run from the repository root (npm run), whether from source or from dist/bench.
const CONSOLE_DIR = process.env.CONSOLE_DIR ?? resolve('dist', 'console');
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);
const BUDGET_KB = 300;
const PROSPECTS = Number(process.env.BENCH_PROSPECTS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ADMIN = { email: 'bench.admin@example.test', password: 'Granite-Lantern-4821' };
const PASSWORD = 'Meadow-Compass-7305';
const BOARD_ENTRY = 'src/features/board/board-page.tsx';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The files a route loads before it can render: a chunk, its static imports (transitively) and their CSS. */
function closure(manifest: Manifest, keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    closure(manifest, manifest[key].imports ?? [], seen);
  }
  return seen;
}

function sizes(manifest: Manifest, keys: Set<string>): { js: number; css: number; files: number } {
  const files = new Set<string>();
  for (const key of keys) {
    files.add(manifest[key].file);
    for (const css of manifest[key].css ?? []) files.add(css);
  }
  let js = 0;
  let css = 0;
  for (const file of files) {
    const gz = gzipSync(readFileSync(join(CONSOLE_DIR, file))).length;
    if (file.endsWith('.css')) css += gz;
    else js += gz;
  }
  return { js, css, files: files.size };
}

function bundleReport(): void {
  const manifestFile = join(CONSOLE_DIR, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`No Vite manifest at ${manifestFile}: build the console first (npm run build:console).`);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const html = readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8');
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry && html.includes(manifest[k].file));
  if (!entry) throw new Error('index.html names no entry chunk of the manifest');
  const login = closure(manifest, [entry]);
  const rows: [string, { js: number; css: number; files: number }][] = [
    ['login route (entry)', sizes(manifest, login)],
  ];
  if (manifest[BOARD_ENTRY]) {
    rows.push(['board route (entry + board chunk)', sizes(manifest, closure(manifest, [BOARD_ENTRY], new Set(login)))]);
  } else {
    console.log(`(no ${BOARD_ENTRY} in the manifest: the board route is not built yet)`);
  }
  console.log(`\nInitial download, gzip (budget ${BUDGET_KB} kB JS + CSS), from ${CONSOLE_DIR}`);
  for (const [name, s] of rows) {
    const total = s.js + s.css;
    const verdict = total <= BUDGET_KB * 1024 ? 'within budget' : 'OVER BUDGET';
    console.log(
      `  ${name.padEnd(36)} JS ${kB(s.js).padStart(9)}  CSS ${kB(s.css).padStart(8)}  total ${kB(total).padStart(9)}  ${s.files} files  ${verdict}`,
    );
  }
}

async function withDatabaseServer<T>(run: () => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return run();
  const dir = mkdtempSync(join(tmpdir(), 'dealgate-bench-console-'));
  console.log('No DATABASE_URL: starting an embedded PostgreSQL…');
  const postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), removeDataOnStop: true });
  process.env.DATABASE_URL = postgres.url;
  try {
    return await run();
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The world: a unit with head and salesperson, an owner, and PROSPECTS approved prospects of the salesperson. */
async function seed(baseUrl: string, dbUrl: string) {
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, any>) : {};
  };
  const login = async (email: string, password: string) => {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  };
  const admin = await login(ADMIN.email, ADMIN.password);
  const unit = await call(admin, 'POST', '/api/units', { name: 'Bench' });
  const user = async (key: string, roles: Role[], unitId?: string) => {
    const email = `${key}@example.test`;
    await call(admin, 'POST', '/api/users', { email, name: key, password: PASSWORD, roles, unitId });
    return { email, token: await login(email, PASSWORD) };
  };
  const head = await user('bench.head', [Role.SalesHead], unit.id);
  const headUser = await call(head.token, 'GET', '/api/auth/me');
  await call(admin, 'PATCH', `/api/units/${unit.id}`, { version: unit.version, headUserId: headUser.id });
  const owner = await user('bench.owner', [Role.Owner]);
  const seller = await user('bench.seller', [Role.Salesperson], unit.id);
  const sellerUser = await call(seller.token, 'GET', '/api/auth/me');
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  try {
    await until('the directory copies', async () => {
      const rows = await db.query(
        `SELECT (SELECT count(*) FROM prospects.directory_user)::int AS p, (SELECT count(*) FROM approvals.directory_unit WHERE head_user_id IS NOT NULL)::int AS a`,
      );
      return rows.rows[0].p >= 4 && rows.rows[0].a >= 1;
    });
    const lines = await call(head.token, 'GET', '/api/product-lines');
    const started = Date.now();
    const sample = await call(head.token, 'POST', '/api/samples', {
      productLineId: lines.items[0].id,
      title: 'Bench sample',
      rationale: 'A big board for one salesperson',
    });
    let version = sample.version as number;
    // In batches of 250 (2,000 are allowed in one call, but on a loaded machine it can outlast the proxy's 30 s).
    for (let from = 0; from < PROSPECTS; from += 250) {
      const companies = Array.from({ length: Math.min(250, PROSPECTS - from) }, (_, i) => ({
        name: `Bench Company ${from + i + 1} Kft`,
      }));
      version = (await call(head.token, 'POST', `/api/samples/${sample.id}/companies`, { companies })).sample.version;
    }
    await call(head.token, 'POST', `/api/samples/${sample.id}/submit`, { version });
    const pending = await until('the approval', async () =>
      (await call(owner.token, 'GET', '/api/approvals/pending')).items.find(
        (i: { subjectId: string }) => i.subjectId === sample.id,
      ),
    );
    const detail = await call(owner.token, 'GET', `/api/approvals/${pending.id}`);
    await call(owner.token, 'POST', `/api/approvals/${pending.id}/approve`, {
      stepIndex: detail.currentStepIndex ?? 0,
    });
    await until('the prospects', async () => {
      const rows = await db.query('SELECT count(*)::int AS n FROM prospects.prospect WHERE sample_id = $1', [
        sample.id,
      ]);
      return rows.rows[0].n === PROSPECTS;
    });
    const unassigned = await db.query<{ id: string; version: number }>(
      'SELECT id, version FROM prospects.prospect WHERE sample_id = $1 AND owner_id IS DISTINCT FROM $2',
      [sample.id, sellerUser.id],
    );
    // In batches of 100 (up to 500 are allowed; see above).
    for (let i = 0; i < unassigned.rows.length; i += 100) {
      await call(head.token, 'POST', '/api/prospects/assignments', {
        ownerId: sellerUser.id,
        prospects: unassigned.rows.slice(i, i + 100).map((r) => ({ id: r.id, version: r.version })),
      });
    }
    console.log(`Seeded ${PROSPECTS} prospects through the API in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.end();
  }
  return { seller, call };
}

/** From navigation to `ready`, with the /api/ requests the page made. */
async function navigate(page: Page, path: string, ready: (page: Page) => Promise<unknown>) {
  const requests: string[] = [];
  const listener = (r: { url(): string }) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) requests.push(url.pathname);
  };
  page.on('request', listener);
  const start = performance.now();
  await page.goto(path);
  await ready(page);
  const ms = performance.now() - start;
  page.off('request', listener);
  return { ms, requests };
}

async function pageReport(browser: Browser) {
  const db = await createTestDatabase();
  const system = await startSystem(
    testEnv(db.url, {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      CONSOLE_DIR,
      LOGIN_RATE_LIMIT: '1000',
    }),
  );
  try {
    const { seller, call } = await seed(system.gatewayUrl, db.url);
    const context = await browser.newContext({
      baseURL: system.gatewayUrl,
      locale: 'en-GB',
      timezoneId: 'Europe/Budapest',
      viewport: { width: 1366, height: 860 },
    });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(seller.email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    // Ready: the first column's heading and its count badge ("2,000 prospects") are on screen.
    const boardReady = (p: Page) =>
      p
        .getByRole('region')
        .first()
        .getByLabel(/^[\d  ,.]+ prospects?$/)
        .waitFor({ timeout: 60_000 });
    const homeReady = (p: Page) =>
      p
        .getByRole('region', { name: 'My stalled prospects' })
        .getByText(/Nothing stalled|days in/)
        .first()
        .waitFor();

    const board: number[] = [];
    const home: number[] = [];
    let boardRequests: string[] = [];
    let homeRequests: string[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const b = await navigate(page, '/board', boardReady);
      board.push(b.ms);
      boardRequests = b.requests;
      const h = await navigate(page, '/', homeReady);
      home.push(h.ms);
      homeRequests = h.requests;
    }
    const api: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const start = performance.now();
      await call(seller.token, 'GET', '/api/prospects/board');
      api.push(performance.now() - start);
    }
    const firstColumn = await page.goto('/board').then(async () => {
      await boardReady(page);
      return page
        .getByRole('region')
        .first()
        .getByLabel(/prospects?$/)
        .getAttribute('aria-label');
    });
    await context.close();
    console.log(`\nBoard of one salesperson with ${PROSPECTS} prospects (median of ${RUNS}, full page loads)`);
    console.log(
      `  /board until the first column and its count show   ${median(board).toFixed(0).padStart(6)} ms   ${boardRequests.length} API requests (${boardRequests.join(', ')})`,
    );
    console.log(
      `  baseline: / (home) until its blocks show           ${median(home).toFixed(0).padStart(6)} ms   ${homeRequests.length} API requests (${homeRequests.join(', ')})`,
    );
    console.log(`  baseline: GET /api/prospects/board (raw API)        ${median(api).toFixed(0).padStart(6)} ms`);
    console.log(`  first column: ${firstColumn}`);
  } finally {
    await system.stop();
    await db.drop();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) {
    throw new Error(`The console is not built (${CONSOLE_DIR}): run \`npm run build:console\` first.`);
  }
  bundleReport();
  if (!CHROMIUM) throw new Error('The bench needs Chromium: apt-get install chromium, or set CHROMIUM_PATH.');
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  try {
    await withDatabaseServer(() => pageReport(browser));
  } finally {
    await browser.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
