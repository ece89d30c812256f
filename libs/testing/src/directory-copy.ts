import { queryOnce } from './test-database';
import { waitFor } from './wait-for';

/** What a service's directory copy must hold before a test goes on. */
export interface DirectoryCopyExpectation {
  /** Users present in `directory_user`. */
  users?: readonly string[];
  /** Units with this head (and, when given, this unit id) present in `directory_unit`. */
  heads?: readonly { headUserId: string; unitId?: string }[];
}

/**
 * Waits until each schema's directory copy holds the expected users and unit heads. Identity changes reach the
 * services as jobs, so an end-to-end test that created people through the gateway waits here before it acts as them.
 */
export async function waitForDirectoryCopy(
  dbUrl: string,
  schemas: readonly string[],
  { users = [], heads = [] }: DirectoryCopyExpectation,
  { timeoutMs }: { timeoutMs?: number } = {},
): Promise<void> {
  for (const schema of schemas) {
    await waitFor(
      async () => {
        const [row] = await queryOnce<{ users: number; heads: number }>(
          dbUrl,
          `SELECT
             (SELECT count(*) FROM "${schema}".directory_user WHERE user_id = ANY($1::uuid[]))::int AS users,
             (SELECT count(*) FROM unnest($2::uuid[], $3::uuid[]) AS h(head_user_id, unit_id)
                WHERE EXISTS (SELECT 1 FROM "${schema}".directory_unit u
                              WHERE u.head_user_id = h.head_user_id AND (h.unit_id IS NULL OR u.unit_id = h.unit_id))
             )::int AS heads`,
          [users, heads.map((h) => h.headUserId), heads.map((h) => h.unitId ?? null)],
        );
        return row.users === new Set(users).size && row.heads === heads.length;
      },
      { what: `the directory copy of ${schema}`, ...(timeoutMs ? { timeoutMs } : {}) },
    );
  }
}
