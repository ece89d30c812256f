/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- reads JSON answers loosely */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Role } from '@dealgate/domain';
import { TestDatabase, createTestDatabase, queryOnce, testEnv, tokenFor } from '@dealgate/testing';
import { RunningSystem, startSystem } from '../../support/system-harness';
import { http } from './console-world';

const CONSOLE_DIR = process.env.CONSOLE_DIR ?? resolve(__dirname, '..', '..', '..', 'dist', 'console');

export interface EmptyCompany {
  baseUrl: string;
  db: TestDatabase;
  system: RunningSystem;
  /** The first admin as the system made it: a generated password it must change at the first login. */
  firstAdmin: { id: string; email: string; password: string };
  /**
   * A token of the first admin, for checks and seeding through the API (the browser logs in with the password). It
   * carries the admin's current token version, so it holds after the browser changed the password.
   */
  adminToken(): Promise<string>;
  /** A token of any user as the directory holds them now (roles, unit and token version read from the database). */
  tokenOf(userId: string): Promise<string>;
  /** Calls the API (answers checked against openapi.json); throws on an error status with the server's answer. */
  call(token: string, method: string, path: string, body?: unknown): Promise<any>;
  stop(): Promise<void>;
}

/**
 * The whole system as a fresh installation finds it: no unit and no user but the first admin, whom the gateway
 * creates with a random password written once to ADMIN_PASSWORD_FILE (what `npm start` prints), to be changed at the
 * first login. Product lines, norms, warning rules and lost reasons are the seeded defaults.
 */
export async function startEmptyCompany(): Promise<EmptyCompany> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) {
    throw new Error(`The console is not built (${CONSOLE_DIR}): run \`npm run build\` first (npm test does it).`);
  }
  const folder = mkdtempSync(join(tmpdir(), 'dealgate-first-admin-'));
  const file = join(folder, 'admin.json');
  const email = 'first.admin@example.test';
  const db = await createTestDatabase();
  const system = await startSystem(
    testEnv(db.url, { ADMIN_EMAIL: email, ADMIN_PASSWORD_FILE: file, CONSOLE_DIR, LOGIN_RATE_LIMIT: '1000' }),
  );
  const written = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
  // As `npm start` does once it has printed it.
  rmSync(folder, { recursive: true, force: true });
  const [row] = await queryOnce<{ id: string }>(db.url, 'SELECT id FROM gateway.app_user WHERE email = $1', [email]);
  const tokenOf = async (userId: string) => {
    const [user] = await queryOnce<{ roles: Role[]; unit_id: string | null; token_version: number }>(
      db.url,
      'SELECT roles, unit_id, token_version FROM gateway.app_user WHERE id = $1',
      [userId],
    );
    return tokenFor({ userId, roles: user.roles, unitId: user.unit_id, tokenVersion: user.token_version });
  };
  const baseUrl = system.gatewayUrl;
  return {
    baseUrl,
    db,
    system,
    firstAdmin: { id: row.id, email: written.email, password: written.password },
    adminToken: () => tokenOf(row.id),
    tokenOf,
    async call(token, method, path, body) {
      const answer = await http(baseUrl, token, method, path, body);
      if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    async stop() {
      await system.stop();
      await db.drop();
    },
  };
}
