import { Client } from 'pg';
import { REQUIRED_BRIEF_SECTIONS, Role } from '@dealgate/domain';
import { ApiClient, BenchUser } from './api-client';

// The world of the end-to-end bench: a unit with its head, an owner and a salesperson, created through the API; one
// deal walked through the API up to a draft offer (the template); then that deal copied in SQL as many times as the
// run needs, so the measured phase is only submit + approve.

export const E2E_ADMIN = { email: 'bench.admin@example.test', password: 'Granite-Lantern-4821' };
const PASSWORD = 'Meadow-Compass-7305';
const SERVICE_SCHEMAS = ['prospects', 'approvals', 'contracts', 'notifications'];

export interface E2eCompany {
  head: BenchUser;
  seller: BenchUser;
}

/** An offer ready to submit: the salesperson's draft, the prospect at offer formation with a complete brief. */
export interface PreparedOffer {
  prospectId: string;
  offerId: string;
  version: number;
}

interface Page<T> {
  items: T[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within 120 s`);
    await sleep(200);
  }
}

export async function setUpCompany(api: ApiClient, db: Client): Promise<E2eCompany & { owner: BenchUser }> {
  const admin = await api.login(E2E_ADMIN.email, E2E_ADMIN.password);
  const unit = await api.call<{ id: string; version: number }>(admin, 'POST', '/api/units', { name: 'Bench East' });
  const person = async (key: string, name: string, roles: string[], unitId?: string): Promise<BenchUser> => {
    const email = `${key}@example.test`;
    const body = { email, name, password: PASSWORD, roles, ...(unitId ? { unitId } : {}) };
    const created = await api.call<{ id: string }>(admin, 'POST', '/api/users', body);
    return { id: created.id, email, token: await api.login(email, PASSWORD) };
  };
  const head = await person('hugo.head', 'Hugo Head', [Role.SalesHead], unit.id);
  await api.call(admin, 'PATCH', `/api/units/${unit.id}`, { version: unit.version, headUserId: head.id });
  const owner = await person('ola.owner', 'Ola Owner', [Role.Owner]);
  const seller = await person('sid.seller', 'Sid Seller', [Role.Salesperson], unit.id);
  const everyone = [head.id, owner.id, seller.id];
  for (const schema of SERVICE_SCHEMAS) {
    await until(`the directory copy of ${schema}`, async () => {
      const users = await db.query(`SELECT 1 FROM "${schema}".directory_user WHERE user_id = ANY($1)`, [everyone]);
      const heads = await db.query(`SELECT 1 FROM "${schema}".directory_unit WHERE head_user_id = $1`, [head.id]);
      return users.rowCount === everyone.length && heads.rowCount === 1;
    });
  }
  return { head, owner, seller };
}

/** One deal through the API, as the chaos driver walks it, up to the salesperson's draft offer. */
export async function walkTemplateDeal(
  api: ApiClient,
  { head, owner, seller }: E2eCompany & { owner: BenchUser },
): Promise<PreparedOffer> {
  const lines = await api.call<Page<{ id: string; code: string }>>(head.token, 'GET', '/api/product-lines');
  const line = lines.items.find((l) => l.code === 'software') ?? lines.items[0];
  const sample = await api.call<{ id: string }>(head.token, 'POST', '/api/samples', {
    productLineId: line.id,
    title: 'Bench distributors',
    rationale: 'Mid-size distributors still ordering by phone',
  });
  const added = await api.call<{ sample: { version: number } }>(
    head.token,
    'POST',
    `/api/samples/${sample.id}/companies`,
    { companies: [{ name: 'Bench template company' }] },
  );
  await api.call(head.token, 'POST', `/api/samples/${sample.id}/submit`, { version: added.sample.version });
  const request = await until('the sample’s approval request', async () => {
    const page = await api.call<Page<{ id: string; subjectId: string }>>(
      owner.token,
      'GET',
      '/api/approvals/pending?limit=100',
    );
    return page.items.find((i) => i.subjectId === sample.id);
  });
  const detail = await api.call<{ currentStepIndex: number }>(owner.token, 'GET', `/api/approvals/${request.id}`);
  await api.call(owner.token, 'POST', `/api/approvals/${request.id}/approve`, { stepIndex: detail.currentStepIndex });
  const prospect = await until('the prospect of the approved sample', async () => {
    const page = await api.call<Page<{ id: string; ownerId: string | null; version: number }>>(
      owner.token,
      'GET',
      `/api/prospects?sampleId=${sample.id}&limit=10`,
    );
    return page.items[0];
  });
  if (prospect.ownerId !== seller.id) {
    await api.call(head.token, 'POST', `/api/prospects/${prospect.id}/assign`, {
      version: prospect.version,
      ownerId: seller.id,
    });
  }
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  const base = `/api/prospects/${prospect.id}`;
  const contact = await api.call<{ id: string }>(seller.token, 'POST', `${base}/contacts`, {
    name: 'Dana Moss',
    position: 'COO',
    isDecisionMaker: true,
    decisionReason: 'Signs supply contracts',
  });
  const meeting = await api.call<{ id: string }>(seller.token, 'POST', `${base}/meetings`, {
    contactId: contact.id,
    scheduledAt: at(50),
  });
  await api.call(seller.token, 'POST', `${base}/meetings/${meeting.id}/held`, { heldAt: at(49) });
  const brief = await api.call<{ version: number; needs: { id: string }[] }>(seller.token, 'PUT', `${base}/brief`, {
    sections: Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((s) => [s, `Notes on ${s}`])),
    needs: [{ text: 'Order online instead of by phone' }, { text: 'See stock levels before ordering' }],
  });
  await api.call(seller.token, 'POST', `${base}/brief/complete`, { version: brief.version });
  const offer = await api.call<{ id: string; version: number }>(seller.token, 'POST', `${base}/offers`, {
    paymentDays: 30,
    delivery: { text: 'Go-live in six weeks', days: 42 },
    discountPercent: 5,
    validUntil: new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10),
    clauses: ['sla-99.5'],
    items: [
      {
        productId: 'portal',
        description: 'Ordering portal',
        quantity: 1,
        unitPriceMinor: 4_500_000,
        currency: 'EUR',
        needIds: [brief.needs[0].id],
      },
    ],
  });
  return { prospectId: prospect.id, offerId: offer.id, version: offer.version };
}

/** Rows of the template that copying does not need: the sample's company list, and what the analytics trigger builds. */
const NOT_COPIED = new Set(['sample_company']);
const COPIED = new Set(['prospect', 'contact', 'meeting', 'brief', 'offer', 'stage_transition']);

async function columnsOf(db: Client, table: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = 'prospects' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.name);
}

/**
 * `INSERT INTO prospects.<table> SELECT` of the template's rows once per copy, every column as it is except the
 * replaced ones (an expression over the template row `t` and the copy's ids `c`), the dropped ones (their default).
 */
async function copyRows(
  db: Client,
  table: string,
  where: string,
  replace: Record<string, string>,
  drop: string[] = [],
): Promise<void> {
  const columns = (await columnsOf(db, table)).filter((c) => !drop.includes(c));
  const values = columns.map((c) => replace[c] ?? `t."${c}"`);
  await db.query(
    `INSERT INTO prospects."${table}" (${columns.map((c) => `"${c}"`).join(', ')})
     SELECT ${values.join(', ')} FROM prospects."${table}" t, bench_copy c WHERE ${where}`,
  );
}

/**
 * `count` copies of the template deal, written straight into the prospects schema: the prospect (a name of its own),
 * its decision-maker, the held meeting, the completed brief, the draft offer and its stage-transition log (whose
 * inserts feed the analytics trigger as the API's would). Refuses to copy a template with rows elsewhere, so a new
 * table the submit path reads cannot silently be missing from the copies.
 */
export async function copyTemplate(
  db: Client,
  template: PreparedOffer,
  count: number,
  /** Names the batch's companies (a company's name is unique in the funnel). */
  batch: string,
): Promise<PreparedOffer[]> {
  const { rows: tables } = await db.query<{ table: string }>(
    `SELECT table_name AS table FROM information_schema.columns
      WHERE table_schema = 'prospects' AND column_name = 'prospect_id'`,
  );
  for (const { table } of tables) {
    if (COPIED.has(table) || NOT_COPIED.has(table) || table.startsWith('analytics_')) continue;
    const { rowCount } = await db.query(`SELECT 1 FROM prospects."${table}" WHERE prospect_id = $1 LIMIT 1`, [
      template.prospectId,
    ]);
    if (rowCount) throw new Error(`the template deal has rows in prospects.${table}, which the bench does not copy`);
  }
  const ids = (
    await db.query<{ contact: string; meeting: string; brief: string }>(
      `SELECT (SELECT id FROM prospects.contact WHERE prospect_id = $1) AS contact,
              (SELECT id FROM prospects.meeting WHERE prospect_id = $1) AS meeting,
              (SELECT id FROM prospects.brief WHERE prospect_id = $1) AS brief`,
      [template.prospectId],
    )
  ).rows[0];
  await db.query('BEGIN');
  try {
    await db.query(
      `CREATE TEMPORARY TABLE bench_copy ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS prospect_id, gen_random_uuid() AS contact_id, gen_random_uuid() AS meeting_id,
              gen_random_uuid() AS brief_id, gen_random_uuid() AS offer_id
       FROM generate_series(1, $1::int) n`,
      [count],
    );
    const p = `'${template.prospectId}'::uuid`;
    await copyRows(db, 'prospect', `t.id = ${p}`, {
      id: 'c.prospect_id',
      company_name: `'Bench company ${batch}-' || c.n`,
      name_key: `'bench company ${batch}-' || c.n`,
      tax_id: 'NULL',
      tax_key: 'NULL',
      website: 'NULL',
      domain_key: 'NULL',
    });
    await copyRows(db, 'contact', `t.prospect_id = ${p}`, { id: 'c.contact_id', prospect_id: 'c.prospect_id' });
    await copyRows(db, 'meeting', `t.prospect_id = ${p}`, {
      id: 'c.meeting_id',
      prospect_id: 'c.prospect_id',
      contact_id: 'c.contact_id',
    });
    await copyRows(db, 'meeting_history', `t.meeting_id = '${ids.meeting}'::uuid`, { meeting_id: 'c.meeting_id' }, [
      'id',
    ]);
    await copyRows(db, 'brief', `t.prospect_id = ${p}`, {
      id: 'c.brief_id',
      prospect_id: 'c.prospect_id',
      meeting_id: 'c.meeting_id',
    });
    await copyRows(db, 'offer', `t.id = '${template.offerId}'::uuid`, {
      id: 'c.offer_id',
      prospect_id: 'c.prospect_id',
    });
    const evidence = `CASE t.evidence_id WHEN '${ids.meeting}'::uuid THEN c.meeting_id
      WHEN '${ids.brief}'::uuid THEN c.brief_id WHEN '${ids.contact}'::uuid THEN c.contact_id ELSE t.evidence_id END`;
    await copyRows(
      db,
      'stage_transition',
      `t.prospect_id = ${p}`,
      { prospect_id: 'c.prospect_id', evidence_id: evidence },
      ['id'],
    );
    const { rows } = await db.query<{ prospect_id: string; offer_id: string }>(
      'SELECT prospect_id, offer_id FROM bench_copy ORDER BY n',
    );
    await db.query('COMMIT');
    await db.query('ANALYZE prospects.prospect, prospects.offer, prospects.brief, prospects.stage_transition');
    return rows.map((r) => ({ prospectId: r.prospect_id, offerId: r.offer_id, version: template.version }));
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}
