import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Role } from '@dealgate/domain';
import { sealPersonalData } from '@dealgate/messages';
import { TEST_PII_KEY } from './test-env';

export interface SeedUser {
  userId?: string;
  roles: Role[];
  unitId?: string | null;
  groups?: string[];
  leadOf?: string[];
  email?: string;
  name?: string;
  active?: boolean;
}

export interface SeedUnit {
  unitId?: string;
  name?: string;
  headUserId?: string | null;
}

/**
 * Writes users and units straight into the directory copies of the given service schemas, for tests of one
 * service that do not run identity. (End-to-end tests create users through the gateway's admin API instead.)
 */
export async function seedDirectory(databaseUrl: string, schemas: string[], users: SeedUser[], units: SeedUnit[] = []) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const now = new Date().toISOString();
  const seededUsers = users.map((u) => ({ ...u, userId: u.userId ?? randomUUID() }));
  const seededUnits = units.map((u) => ({ ...u, unitId: u.unitId ?? randomUUID() }));
  try {
    for (const schema of schemas) {
      for (const unit of seededUnits) {
        await client.query(
          `INSERT INTO "${schema}".directory_unit (unit_id, name, head_user_id, active, changed_at) VALUES ($1, $2, $3, true, $4)
           ON CONFLICT (unit_id) DO UPDATE SET name = EXCLUDED.name, head_user_id = EXCLUDED.head_user_id`,
          [unit.unitId, unit.name ?? 'Unit', unit.headUserId ?? null, now],
        );
      }
      for (const user of seededUsers) {
        const contact = sealPersonalData(
          { email: user.email ?? `${user.userId}@example.test`, name: user.name ?? 'Test User' },
          TEST_PII_KEY,
        );
        await client.query(
          `INSERT INTO "${schema}".directory_user (user_id, roles, unit_id, groups, lead_of, active, sealed_contact, changed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (user_id) DO UPDATE SET roles = EXCLUDED.roles, unit_id = EXCLUDED.unit_id, groups = EXCLUDED.groups,
             lead_of = EXCLUDED.lead_of, active = EXCLUDED.active, sealed_contact = EXCLUDED.sealed_contact`,
          [
            user.userId,
            user.roles,
            user.unitId ?? null,
            user.groups ?? [],
            user.leadOf ?? [],
            user.active ?? true,
            contact,
            now,
          ],
        );
      }
    }
  } finally {
    await client.end();
  }
  return { users: seededUsers, units: seededUnits };
}
