import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from '@dealgate/chassis';
import { TestDatabase, createTestDatabase, queryOnce, testEnv } from '@dealgate/testing';
import { gatewayService } from '../gateway.service-definition';
import { AuthService } from '../auth/auth.service';

// Embedded mode: the gateway makes the first admin with a random password and hands it over once, in a file.
describe('first admin (medium)', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'dealgate-admin-'));
  const file = join(dir, 'first-admin.json');

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('creates the admin once, writes the generated password once, and it logs in', async () => {
    const env = testEnv(db.url, { ADMIN_PASSWORD_FILE: file });
    const first = await startService(gatewayService, env);
    try {
      const { email, password } = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
      expect(password.length).toBeGreaterThanOrEqual(20);
      const tokens = await first.app.get(AuthService).login(email, password, null);
      expect(tokens.accessToken).toBeTruthy();
      const [row] = await queryOnce<{ password_hash: string; roles: string[] }>(
        db.url,
        'SELECT password_hash, roles FROM gateway.app_user',
      );
      expect(row.roles).toEqual(['admin']);
      expect(row.password_hash).not.toContain(password);
    } finally {
      await first.app.close();
    }
    // The launcher printed and deleted it; a restart must not make another admin or another password.
    rmSync(file);
    const second = await startService(gatewayService, env);
    await second.app.close();
    expect(existsSync(file)).toBe(false);
    expect(await queryOnce(db.url, 'SELECT 1 FROM gateway.app_user')).toHaveLength(1);
  });
});
