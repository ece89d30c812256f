/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- reads JSON answers loosely */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Role } from '@dealgate/domain';
import { TestDatabase, createTestDatabase, testEnv, tokenFor, waitFor, waitForDirectoryCopy } from '@dealgate/testing';
import { RunningSystem, startSystem } from '../../support/system-harness';

// CONSOLE_DIR lets a developer test a console built elsewhere (vite build --outDir ...).
const CONSOLE_DIR = process.env.CONSOLE_DIR ?? resolve(__dirname, '..', '..', '..', 'dist', 'console');
export const ADMIN = { email: 'console.admin@example.test', password: 'Granite-Lantern-4821' };
const PASSWORD = 'Meadow-Compass-7305';

export interface Person {
  id: string;
  name: string;
  email: string;
  password: string;
  roles: Role[];
  unitId: string | null;
  /** A token for seeding through the API (the browser logs in with the password). */
  token(): string;
}

export interface ConsoleWorld {
  baseUrl: string;
  db: TestDatabase;
  system: RunningSystem;
  unitId: string;
  owner: Person;
  head: Person;
  seller: Person;
  colleague: Person;
  /** The legal and accounting groups' people (contract cases and their tasks). */
  lawyer: Person;
  accountant: Person;
  /** Calls the API as someone; throws on an error status with the server's answer. */
  call(who: Person | string, method: string, path: string, body?: unknown): Promise<any>;
  /** The head of a unit made for the test alone (so what they see holds nothing of other tests). */
  headOfNewUnit(key: string, name: string): Promise<Person>;
  stop(): Promise<void>;
}

export interface HttpAnswer {
  status: number;
  body: any;
}

export async function http(baseUrl: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  // What the browser tests' setup receives is checked against openapi.json like every other API answer.
  const { expectMatchesContract } = await import('@dealgate/testing');
  expectMatchesContract(method, path, response.status, parsed, response.headers.get('content-type'));
  return { status: response.status, body: parsed };
}

/**
 * The whole system in this process with the built console served by the gateway, and a small company: a unit with
 * its head, an owner, two salespeople, a lawyer and an accountant (each with a password to log in with).
 */
export async function startConsoleWorld(): Promise<ConsoleWorld> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) {
    throw new Error(`The console is not built (${CONSOLE_DIR}): run \`npm run build\` first (npm test does it).`);
  }
  const db = await createTestDatabase();
  const system = await startSystem(
    // Browser tests log the same people in many times a minute; the login throttle has tests of its own.
    testEnv(db.url, {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      CONSOLE_DIR,
      LOGIN_RATE_LIMIT: '1000',
    }),
  );
  const baseUrl = system.gatewayUrl;
  const login = await http(baseUrl, '', 'POST', '/api/auth/login', ADMIN);
  const admin = login.body.accessToken as string;
  const call = async (who: Person | string, method: string, path: string, body?: unknown) => {
    const answer = await http(baseUrl, typeof who === 'string' ? who : who.token(), method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const person = async (key: string, name: string, roles: Role[], unitId?: string): Promise<Person> => {
    const email = `${key}@example.test`;
    const created = await call(admin, 'POST', '/api/users', {
      email,
      name,
      password: PASSWORD,
      roles,
      ...(unitId ? { unitId } : {}),
    });
    const principal = { userId: created.id as string, roles, unitId: unitId ?? null };
    return {
      id: created.id,
      name,
      email,
      password: PASSWORD,
      roles,
      unitId: unitId ?? null,
      token: () => tokenFor(principal),
    };
  };
  const unit = await call(admin, 'POST', '/api/units', { name: 'North' });
  const head = await person('hanna.head', 'Hanna Head', [Role.SalesHead], unit.id);
  await call(admin, 'PATCH', `/api/units/${unit.id}`, { version: unit.version, headUserId: head.id });
  const owner = await person('olga.owner', 'Olga Owner', [Role.Owner]);
  const seller = await person('sam.seller', 'Sam Seller', [Role.Salesperson], unit.id);
  const colleague = await person('cora.colleague', 'Cora Colleague', [Role.Salesperson], unit.id);
  const lawyer = await person('lena.legal', 'Lena Legal', [Role.Legal]);
  const accountant = await person('arno.accounting', 'Arno Accounting', [Role.Accounting]);
  const everyone = [head, owner, seller, colleague, lawyer, accountant].map((p) => p.id);
  await waitForDirectoryCopy(db.url, ['approvals', 'prospects', 'notifications', 'contracts'], {
    users: everyone,
    heads: [{ headUserId: head.id }],
  });
  async function headOfNewUnit(key: string, name: string): Promise<Person> {
    const created = await call(admin, 'POST', '/api/units', { name: `${name}'s unit` });
    const newHead = await person(key, name, [Role.SalesHead], created.id);
    await call(admin, 'PATCH', `/api/units/${created.id}`, { version: created.version, headUserId: newHead.id });
    await waitForDirectoryCopy(db.url, ['approvals', 'prospects'], {
      users: [newHead.id],
      heads: [{ headUserId: newHead.id }],
    });
    return newHead;
  }
  return {
    baseUrl,
    db,
    system,
    unitId: unit.id,
    headOfNewUnit,
    owner,
    head,
    seller,
    colleague,
    lawyer,
    accountant,
    call,
    async stop() {
      await system.stop();
      await db.drop();
    },
  };
}

/** Through the API: a draft sample of these companies, written by `author` (the world's head by default). */
export async function draftSample(
  world: ConsoleWorld,
  companies: string[],
  { author = world.head, title = `Distributors ${Date.now()}` }: { author?: Person; title?: string } = {},
) {
  const { call } = world;
  const lines = await call(author, 'GET', '/api/product-lines');
  const line = lines.items.find((l: any) => l.code === 'software') ?? lines.items[0];
  const sample = await call(author, 'POST', '/api/samples', {
    productLineId: line.id,
    title,
    rationale: 'Mid-size distributors still ordering by phone',
  });
  const added = await call(author, 'POST', `/api/samples/${sample.id}/companies`, {
    companies: companies.map((name) => ({ name })),
  });
  return { sample: added.sample, line };
}

/** Through the API: a draft sample as above, submitted by its author and approved by the owner; answers its prospects. */
export async function approvedSample(
  world: ConsoleWorld,
  companies: string[],
  options: Parameters<typeof draftSample>[2] = {},
) {
  const { call, owner } = world;
  const author = options.author ?? world.head;
  const { sample, line } = await draftSample(world, companies, options);
  await call(author, 'POST', `/api/samples/${sample.id}/submit`, { version: sample.version });
  const pending = await waitFor(
    async () => (await call(owner, 'GET', '/api/approvals/pending')).items.find((i: any) => i.subjectId === sample.id),
    { what: 'the sample in the owner’s approvals' },
  );
  const detail = await call(owner, 'GET', `/api/approvals/${pending.id}`);
  await call(owner, 'POST', `/api/approvals/${pending.id}/approve`, { stepIndex: detail.currentStepIndex ?? 0 });
  const prospects = await waitFor(
    async () => {
      const page = await call(owner, 'GET', `/api/prospects?sampleId=${sample.id}&limit=100`);
      return page.items.length === companies.length ? page.items : null;
    },
    { what: 'the prospects of the approved sample' },
  );
  return { sample, line, prospects: prospects as any[] };
}

/**
 * Through the API: a sample of these companies built by the head, approved by the owner, its prospects assigned to
 * the salesperson. Answers the prospects (by company name).
 */
export async function approvedProspects(world: ConsoleWorld, companies: string[], assignee = world.seller) {
  const { call, head } = world;
  const { sample, line, prospects } = await approvedSample(world, companies);
  for (const prospect of prospects) {
    if (prospect.ownerId === assignee.id) continue;
    await call(head, 'POST', `/api/prospects/${prospect.id}/assign`, {
      version: prospect.version,
      ownerId: assignee.id,
    });
  }
  return { sample, line, prospects };
}
