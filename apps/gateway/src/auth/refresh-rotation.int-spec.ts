import type { NestExpressApplication } from '@nestjs/platform-express';
import { AccessTokenService } from '@dealgate/auth';
import { Clock } from '@dealgate/common';
import { DomainError, IdentityErrorCode, Role } from '@dealgate/domain';
import { MediumTest, startMediumTest, queryOnce } from '@dealgate/testing';
import { gatewayService } from '../gateway.service-definition';
import { UsersService } from '../identity/users.service';
import { AuthService } from './auth.service';

// Refresh-token rotation against the real PostgreSQL: row locks, families, clock-driven expiry.
describe('refresh-token rotation (medium)', () => {
  let t: MediumTest;
  let db: MediumTest['db'];
  let app: NestExpressApplication;
  let auth: AuthService;
  let clock: Clock;
  const password = 'medium-Secret-pass-9';
  let userId: string;
  let version: number;

  beforeAll(async () => {
    t = await startMediumTest(gatewayService, {
      env: { ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'top-Secret-pass-00' },
    });
    ({ app, db } = t);
    auth = app.get(AuthService);
    clock = app.get(Clock);
    const user = await app
      .get(UsersService)
      .create({ email: 'rita@example.test', name: 'Rita', password, roles: [Role.Salesperson] }, null);
    ({ id: userId, version } = user);
  });

  afterAll(async () => {
    await t?.stop();
  });

  afterEach(() => jest.restoreAllMocks());

  const codeOf = (result: PromiseSettledResult<unknown>) =>
    result.status === 'rejected' && result.reason instanceof DomainError
      ? (result.reason as DomainError).code
      : result.status;

  it('keeps one family across rotations and marks each used token', async () => {
    const first = await auth.login('rita@example.test', password, '10.0.0.1');
    const second = await auth.refresh(first.refreshToken, '10.0.0.1');
    const rows = await queryOnce<{ family_id: string; rotated: boolean }>(
      db.url,
      'SELECT family_id, rotated_at IS NOT NULL AS rotated FROM gateway.refresh_token WHERE user_id = $1 ORDER BY created_at',
      [userId],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0].family_id).toBe(rows[1].family_id);
    expect(rows.map((r) => r.rotated)).toEqual([true, false]);
    expect(second.refreshToken).not.toBe(first.refreshToken);
  });

  it('two concurrent refreshes with one token: one wins, the other is a replay and kills the family', async () => {
    const session = await auth.login('rita@example.test', password, null);
    const results = await Promise.allSettled([
      auth.refresh(session.refreshToken, null),
      auth.refresh(session.refreshToken, null),
    ]);
    expect(results.map(codeOf).sort()).toEqual(['fulfilled', IdentityErrorCode.RefreshTokenReused].sort());
    const winner = results.find((r) => r.status === 'fulfilled')!;
    await expect(auth.refresh(winner.value.refreshToken, null)).rejects.toMatchObject({
      code: IdentityErrorCode.InvalidRefreshToken,
    });
  });

  it('refuses an expired token without treating it as a replay', async () => {
    const session = await auth.login('rita@example.test', password, null);
    const later = new Date(Date.now() + 15 * 86_400_000);
    jest.spyOn(clock, 'now').mockReturnValue(later);
    await expect(auth.refresh(session.refreshToken, null)).rejects.toMatchObject({
      code: IdentityErrorCode.InvalidRefreshToken,
    });
    const [row] = await queryOnce<{ revoked: boolean }>(
      db.url,
      `SELECT bool_or(revoked_at IS NOT NULL) AS revoked FROM gateway.refresh_token WHERE family_id =
         (SELECT family_id FROM gateway.refresh_token ORDER BY created_at DESC LIMIT 1)`,
    );
    expect(row.revoked).toBe(false);
  });

  // Another admin changes the roles: nobody changes their own (#16).
  const ADMIN_ACTOR = '00000000-0000-4000-8000-0000000000ad';
  it('puts the current roles into the next access token', async () => {
    const session = await auth.login('rita@example.test', password, null);
    await app.get(UsersService).update(userId, { version, roles: [Role.SalesHead] }, { userId: ADMIN_ACTOR, ip: null });
    const next = await auth.refresh(session.refreshToken, null);
    expect(app.get(AccessTokenService).verify(next.accessToken)?.roles).toEqual([Role.SalesHead]);
  });
});
