import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@dealgate/database';
import { Role } from '@dealgate/domain';
import { JobEnvelope, UnitUpsertedPayload, UserUpsertedPayload } from '@dealgate/messages';
import { TestDatabase, createTestDatabase } from '@dealgate/testing';
import { chassisEntities } from './chassis.entities';
import { DirectoryService } from './directory/directory.service';
import { UnitUpsertedHandler } from './directory/unit-upserted.handler';
import { UserUpsertedHandler } from './directory/user-upserted.handler';
import { IdempotencyCommitMark, runUnderClaim } from './idempotency/idempotency-commit';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { PingHandler } from './ping.handler';

// The chassis's tables through their entities, against a migrated service schema (approvals keeps a directory copy).

const SCHEMA = 'approvals';
const AT = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();

describe('the chassis tables', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const envelope = (source = 'gateway') => ({ messageId: randomUUID(), source }) as unknown as JobEnvelope;
  const unitEvent = (unitId: string, name: string, minute: number): UnitUpsertedPayload => ({
    unitId,
    name,
    headUserId: null,
    changedAt: AT(minute),
  });
  const userEvent = (userId: string, minute: number, over: Partial<UserUpsertedPayload> = {}): UserUpsertedPayload => ({
    userId,
    roles: [Role.Salesperson],
    unitId: null,
    groups: [],
    leadOf: [],
    active: true,
    sealedContact: `sealed-${minute}`,
    changedAt: AT(minute),
    ...over,
  });
  const upsertUnit = (p: UnitUpsertedPayload) =>
    dataSource.transaction((manager) => new UnitUpsertedHandler().handle(p, { manager, envelope: envelope() }));
  const upsertUser = (p: UserUpsertedPayload) =>
    dataSource.transaction((manager) => new UserUpsertedHandler().handle(p, { manager, envelope: envelope() }));
  const directory = () => new DirectoryService(dataSource);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(
      dataSourceOptions({ url: db.url, schema: SCHEMA, entities: chassisEntities(true), migrations: [] }),
    ).initialize();
    dataSource.subscribers.push(new IdempotencyCommitMark());
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  describe('unit.upserted', () => {
    it('takes a newer event and an equally old one, and leaves an older one out', async () => {
      const unitId = randomUUID();
      await upsertUnit(unitEvent(unitId, 'First', 10));
      await upsertUnit(unitEvent(unitId, 'Newer', 20));
      await upsertUnit(unitEvent(unitId, 'Late but older', 15));
      expect((await directory().unit(unitId))?.name).toBe('Newer');
      await upsertUnit(unitEvent(unitId, 'Same instant', 20));
      expect(await directory().unit(unitId)).toEqual({ unitId, name: 'Same instant', headUserId: null, active: true });
    });

    it('keeps a unit active unless the event says otherwise', async () => {
      const unitId = randomUUID();
      await upsertUnit({ ...unitEvent(unitId, 'Closed', 10), active: false });
      expect((await directory().unit(unitId))?.active).toBe(false);
      await upsertUnit(unitEvent(unitId, 'Reopened', 11));
      expect((await directory().unit(unitId))?.active).toBe(true);
    });
  });

  describe('user.upserted', () => {
    it('leaves an older event out', async () => {
      const userId = randomUUID();
      await upsertUser(userEvent(userId, 20, { roles: [Role.SalesHead] }));
      await upsertUser(userEvent(userId, 10, { roles: [Role.Salesperson], active: false }));
      expect(await directory().user(userId)).toMatchObject({ roles: [Role.SalesHead], active: true });
    });

    it('never takes the token version back, even under a newer event', async () => {
      const userId = randomUUID();
      const session = randomUUID();
      await upsertUser(userEvent(userId, 10, { tokenVersion: 3, revokedSessions: [session] }));
      await upsertUser(userEvent(userId, 20, { tokenVersion: 1 }));
      expect(await directory().tokenState(userId, session)).toEqual({
        active: true,
        tokenVersion: 3,
        sessionRevoked: false,
      });
    });
  });

  describe('DirectoryService', () => {
    it('finds active users by role, of one unit or of all', async () => {
      const [unitA, unitB] = [randomUUID(), randomUUID()];
      const role = Role.Legal;
      const [a, b, gone] = [randomUUID(), randomUUID(), randomUUID()];
      await upsertUser(userEvent(a, 1, { roles: [role], unitId: unitA }));
      await upsertUser(userEvent(b, 1, { roles: [role], unitId: unitB }));
      await upsertUser(userEvent(gone, 1, { roles: [role], unitId: unitA, active: false }));
      expect((await directory().usersWithRole(role, unitA)).map((u) => u.userId)).toEqual([a]);
      const all = (await directory().usersWithRole(role)).map((u) => u.userId);
      expect(all).toEqual(expect.arrayContaining([a, b]));
      expect(all).not.toContain(gone);
      expect(all).toEqual([...all].sort());
    });

    it('finds the members or only the leads of a group', async () => {
      const group = `group-${randomUUID()}`;
      const [member, lead] = [randomUUID(), randomUUID()].sort();
      await upsertUser(userEvent(member, 1, { groups: [group] }));
      await upsertUser(userEvent(lead, 1, { groups: [group], leadOf: [group] }));
      expect((await directory().groupMembers(group)).map((u) => u.userId)).toEqual([member, lead]);
      expect((await directory().groupMembers(group, true)).map((u) => u.userId)).toEqual([lead]);
    });

    it('tells a revoked session, and knows nothing of a user it has no row for', async () => {
      const userId = randomUUID();
      const [ended, live] = [randomUUID(), randomUUID()];
      await upsertUser(userEvent(userId, 1, { tokenVersion: 2, revokedSessions: [ended] }));
      expect((await directory().tokenState(userId, ended))?.sessionRevoked).toBe(true);
      expect((await directory().tokenState(userId, live))?.sessionRevoked).toBe(false);
      expect((await directory().tokenState(userId, null))?.sessionRevoked).toBe(false);
      expect(await directory().tokenState(randomUUID(), null)).toBeNull();
      expect(await directory().user(randomUUID())).toBeNull();
      expect(await directory().unit(randomUUID())).toBeNull();
    });
  });

  describe('IdempotencyStore', () => {
    const store = () => new IdempotencyStore(dataSource);

    it('claims a key once, then says in progress, other body, and replays the kept answer', async () => {
      const principal = randomUUID();
      expect(await store().claim(principal, 'k1', 'f1')).toEqual({ kind: 'claimed' });
      expect(await store().claim(principal, 'k1', 'f1')).toEqual({ kind: 'in-progress' });
      expect(await store().claim(principal, 'k1', 'f2')).toEqual({ kind: 'other-body' });
      await store().complete(principal, 'k1', 201, { id: 'x' });
      expect(await store().claim(principal, 'k1', 'f1')).toEqual({ kind: 'replay', status: 201, body: { id: 'x' } });
    });

    it('keeps an answer without a body as JSON null', async () => {
      const principal = randomUUID();
      await store().claim(principal, 'k', 'f');
      await store().complete(principal, 'k', 201, undefined);
      const [row] = await dataSource.query<{ kind: string }[]>(
        'SELECT jsonb_typeof(body) AS kind FROM idempotency_key WHERE principal = $1',
        [principal],
      );
      expect(row.kind).toBe('null');
      expect(await store().claim(principal, 'k', 'f')).toEqual({ kind: 'replay', status: 201, body: null });
    });

    it('frees a released key, and a key of a request that died before committing', async () => {
      const principal = randomUUID();
      await store().claim(principal, 'k', 'f');
      await store().release(principal, 'k');
      expect(await store().claim(principal, 'k', 'other')).toEqual({ kind: 'claimed' });
      await dataSource.query(
        `UPDATE idempotency_key SET created_at = now() - interval '2 minutes' WHERE principal = $1`,
        [principal],
      );
      expect(await store().claim(principal, 'k', 'f')).toEqual({ kind: 'claimed' });
    });

    it('stamps the key in a transaction committed under it: the lost answer is never run again', async () => {
      const principal = randomUUID();
      await store().claim(principal, 'k', 'f');
      const claim = { principal, key: 'k', committed: false };
      await runUnderClaim(claim, () => dataSource.transaction((manager) => manager.query('SELECT 1')));
      expect(claim.committed).toBe(true);
      await store().release(principal, 'k');
      expect(await store().claim(principal, 'k', 'f')).toEqual({ kind: 'in-progress' });
      await dataSource.query(
        `UPDATE idempotency_key SET created_at = now() - interval '2 minutes' WHERE principal = $1`,
        [principal],
      );
      expect(await store().claim(principal, 'k', 'f')).toEqual({ kind: 'answer-lost' });
    });

    it('purges the keys past the window, and only those', async () => {
      const [old, fresh] = [randomUUID(), randomUUID()];
      await store().claim(old, 'k', 'f');
      await store().claim(fresh, 'k', 'f');
      await dataSource.query(
        `UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE principal = $1`,
        [old],
      );
      expect(await store().purge()).toBe(1);
      expect(await store().claim(fresh, 'k', 'f')).toEqual({ kind: 'in-progress' });
    });
  });

  it('records each ping with its message and source', async () => {
    const pingId = randomUUID();
    const ping = envelope('prospects');
    await dataSource.transaction((manager) =>
      new PingHandler().handle({ pingId, sentAt: AT(0) }, { manager, envelope: ping }),
    );
    const rows = await dataSource.query<{ message_id: string; source: string }[]>(
      'SELECT message_id, source FROM ping_receipt WHERE ping_id = $1',
      [pingId],
    );
    expect(rows).toEqual([{ message_id: ping.messageId, source: 'prospects' }]);
  });
});
