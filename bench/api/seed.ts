import { Client } from 'pg';
import { Role } from '@dealgate/domain';

export const BENCH_ADMIN = { email: 'bench.admin@example.test', password: 'Granite-Lantern-4821' };
const PASSWORD = 'Meadow-Compass-7305';

async function call<T>(
  baseUrl: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

const login = async (baseUrl: string, email: string, password: string) =>
  (await call<{ accessToken: string }>(baseUrl, null, 'POST', '/api/auth/login', { email, password })).accessToken;

/**
 * The world of the list benchmark: a salesperson created through the gateway (so every directory copy knows them)
 * and `count` prospects they own, written straight into the prospects schema (one approved sample, varied
 * `updated_at`). Returns the salesperson's id and an access token.
 */
export async function seedSalesperson(
  gatewayUrl: string,
  databaseUrl: string,
  count: number,
): Promise<{ userId: string; token: string }> {
  const admin = await login(gatewayUrl, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const unit = await call<{ id: string }>(gatewayUrl, admin, 'POST', '/api/units', { name: 'Bench' });
  const email = 'bench.seller@example.test';
  await call(gatewayUrl, admin, 'POST', '/api/users', {
    email,
    name: 'Bench Seller',
    password: PASSWORD,
    roles: [Role.Salesperson],
    unitId: unit.id,
  });
  const token = await login(gatewayUrl, email, PASSWORD);
  const me = await call<{ id: string }>(gatewayUrl, token, 'GET', '/api/auth/me');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const deadline = Date.now() + 30_000;
    while ((await db.query('SELECT 1 FROM prospects.directory_user WHERE user_id = $1', [me.id])).rowCount === 0) {
      if (Date.now() > deadline) throw new Error('the salesperson never reached the prospects directory copy');
      await new Promise((r) => setTimeout(r, 100));
    }
    await db.query(
      `WITH sample AS (
         INSERT INTO prospects.target_sample (product_line_id, unit_id, author_id, title, rationale, status)
         SELECT id, $2, $1, 'Bench', 'Benchmark', 'approved' FROM prospects.product_line ORDER BY code LIMIT 1
         RETURNING id, product_line_id)
       INSERT INTO prospects.prospect (sample_id, product_line_id, unit_id, owner_id, company_name, name_key, stage,
         status, stage_entered_at, created_at, updated_at)
       SELECT s.id, s.product_line_id, $2, $1, 'Bench Company ' || g, 'bench company ' || g, 'primary_contact', 'active',
         t, t, t
       FROM sample s, generate_series(1, $3::int) g,
         LATERAL (SELECT now() - (g * interval '37 minutes') AS t) ts`,
      [me.id, unit.id, count],
    );
    await db.query('ANALYZE prospects.prospect');
  } finally {
    await db.end();
  }
  return { userId: me.id, token };
}
