import { randomUUID } from 'node:crypto';
import { Role } from '@dealgate/domain';
import { waitForDirectoryCopy } from './directory-copy';
import { seedDirectory } from './seed-directory';
import { TestDatabase, createTestDatabase } from './test-database';

describe('waitForDirectoryCopy', () => {
  let db: TestDatabase;
  const quick = { timeoutMs: 300 };

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('goes on once every schema holds the users and the unit heads', async () => {
    const [head, seller, unitId] = [randomUUID(), randomUUID(), randomUUID()];
    await seedDirectory(
      db.url,
      ['prospects', 'approvals'],
      [
        { userId: head, roles: [Role.SalesHead], unitId },
        { userId: seller, roles: [Role.Salesperson], unitId },
      ],
      [{ unitId, headUserId: head }],
    );
    await expect(
      waitForDirectoryCopy(db.url, ['prospects', 'approvals'], {
        users: [head, seller],
        heads: [{ headUserId: head, unitId }],
      }),
    ).resolves.toBeUndefined();
  });

  it('keeps waiting while one schema lacks a user, naming that schema', async () => {
    const seller = randomUUID();
    await seedDirectory(db.url, ['prospects'], [{ userId: seller, roles: [Role.Salesperson] }]);
    await expect(waitForDirectoryCopy(db.url, ['prospects', 'contracts'], { users: [seller] }, quick)).rejects.toThrow(
      'the directory copy of contracts',
    );
  });

  it('keeps waiting while the head heads another unit than the one expected', async () => {
    const [head, unitId] = [randomUUID(), randomUUID()];
    await seedDirectory(db.url, ['prospects'], [{ userId: head, roles: [Role.SalesHead] }], [{ headUserId: head }]);
    await expect(
      waitForDirectoryCopy(db.url, ['prospects'], { heads: [{ headUserId: head, unitId }] }, quick),
    ).rejects.toThrow('the directory copy of prospects');
    await expect(
      waitForDirectoryCopy(db.url, ['prospects'], { heads: [{ headUserId: head }] }),
    ).resolves.toBeUndefined();
  });
});
