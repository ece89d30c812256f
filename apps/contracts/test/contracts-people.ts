import { randomUUID } from 'node:crypto';
import { Role } from '@dealgate/domain';
import { seedDirectory, tokenFor } from '@dealgate/testing';

/** The cast of a contract case: ids, tokens, and their rows in the service's directory copy. */
export function contractsPeople() {
  const unitId = randomUUID();
  const ids = {
    legal: randomUUID(),
    accounting: randomUUID(),
    salesperson: randomUUID(),
    otherSeller: randomUUID(),
    head: randomUUID(),
    owner: randomUUID(),
    delivery: randomUUID(),
  };
  const token = {
    legal: tokenFor({ userId: ids.legal, roles: [Role.Legal] }),
    accounting: tokenFor({ userId: ids.accounting, roles: [Role.Accounting] }),
    salesperson: tokenFor({ userId: ids.salesperson, roles: [Role.Salesperson], unitId }),
    otherSeller: tokenFor({ userId: ids.otherSeller, roles: [Role.Salesperson], unitId }),
    head: tokenFor({ userId: ids.head, roles: [Role.SalesHead], unitId }),
    owner: tokenFor({ userId: ids.owner, roles: [Role.Owner] }),
    admin: tokenFor({ roles: [Role.Admin] }),
    // Delivery has no role of its own: membership comes from the directory's groups.
    delivery: tokenFor({ userId: ids.delivery, roles: [Role.SalesHead] }),
  };
  const seed = (dbUrl: string) =>
    seedDirectory(
      dbUrl,
      ['contracts'],
      [
        { userId: ids.legal, roles: [Role.Legal], groups: ['legal'], leadOf: ['legal'] },
        { userId: ids.accounting, roles: [Role.Accounting], groups: ['accounting'], leadOf: ['accounting'] },
        { userId: ids.salesperson, roles: [Role.Salesperson], unitId },
        { userId: ids.otherSeller, roles: [Role.Salesperson], unitId },
        { userId: ids.head, roles: [Role.SalesHead], unitId },
        { userId: ids.owner, roles: [Role.Owner] },
        { userId: ids.delivery, roles: [Role.SalesHead], groups: ['delivery'] },
      ],
      [{ unitId, headUserId: ids.head }],
    );
  return { unitId, ids, token, seed };
}
