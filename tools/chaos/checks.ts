import { JobName, ServiceName, consumersOf } from '@dealgate/messages';
import { WebhookReceiver } from './company';
import { DealRecord } from './deal-driver';
import { ChaosDatabase } from './stores';

// What "every effect exactly once" means, checked in PostgreSQL after the drain. A finding is `lost` (an effect
// missing), `duplicated` (an effect twice) or `stuck` (work left undone: an unsent outbox row, a pending e-mail).

export interface Finding {
  kind: 'lost' | 'duplicated' | 'stuck' | 'unexplained';
  what: string;
  count: number;
}

export interface CheckFigures {
  findings: Finding[];
  /** Rows looked at, per effect (for the report). */
  seen: Record<string, number>;
  deadLetters: number;
  webhookResends: number;
}

const SCHEMAS = Object.values(ServiceName);
const n = (rows: { n: string | number }[]) => Number(rows[0]?.n ?? 0);

/** For each row of `sql` (`key`, `n`): n = 0 is a loss, n > 1 a duplicate of `what`. */
async function exactlyOnce(db: ChaosDatabase, what: string, sql: string, params: unknown[], out: Finding[]) {
  const rows = await db.query<{ key: string; n: string }>(sql, params);
  const lost = rows.filter((r) => Number(r.n) === 0).length;
  const duplicated = rows.filter((r) => Number(r.n) > 1).length;
  if (lost) out.push({ kind: 'lost', what, count: lost });
  if (duplicated) out.push({ kind: 'duplicated', what, count: duplicated });
  return rows.length;
}

/** Groups that must be single: any group of more than one row is a duplicate of `what`. */
async function noTwins(db: ChaosDatabase, what: string, sql: string, out: Finding[]) {
  const twins = n(await db.query<{ n: string }>(`SELECT count(*) AS n FROM (${sql} HAVING count(*) > 1) t`));
  if (twins) out.push({ kind: 'duplicated', what, count: twins });
}

async function checkDeals(db: ChaosDatabase, deals: DealRecord[], out: Finding[], seen: Record<string, number>) {
  const samples = deals.flatMap((d) => (d.sampleId ? [d.sampleId] : []));
  const prospects = deals.flatMap((d) => (d.prospectId ? [d.prospectId] : []));
  const offers = deals.flatMap((d) => (d.offerId ? [d.offerId] : []));
  const ids = (column: string) => `SELECT unnest($1::uuid[]) AS ${column}`;
  seen['samples'] = samples.length;
  seen['approval requests'] = await exactlyOnce(
    db,
    'approval request of a submitted sample or offer',
    `SELECT s.id AS key, (SELECT count(*) FROM approvals.approval_request r WHERE r.subject_id = s.id) AS n
       FROM (${ids('id')}) s`,
    [[...samples, ...offers]],
    out,
  );
  seen['approval decisions'] = await exactlyOnce(
    db,
    'approval decided (every step approved, the request approved)',
    `SELECT s.id AS key, (SELECT count(*) FROM approvals.approval_request r WHERE r.subject_id = s.id
        AND r.status = 'approved'
        AND (SELECT count(*) FROM approvals.approval_step p WHERE p.request_id = r.id AND p.status = 'approved')
          = r.step_count) AS n
       FROM (${ids('id')}) s`,
    [[...samples, ...offers]],
    out,
  );
  seen['prospects'] = await exactlyOnce(
    db,
    'prospect of an approved sample',
    `SELECT s.id AS key, (SELECT count(*) FROM prospects.prospect p WHERE p.sample_id = s.id) AS n FROM (${ids('id')}) s`,
    [samples],
    out,
  );
  for (const [table, what] of [
    ['contact', 'contact (a create retried)'],
    ['meeting', 'meeting (a create retried)'],
    ['offer', 'offer (a create retried)'],
  ] as const) {
    await exactlyOnce(
      db,
      what,
      `SELECT s.id AS key, (SELECT count(*) FROM prospects.${table} t WHERE t.prospect_id = s.id) AS n
         FROM (${ids('id')}) s`,
      [prospects],
      out,
    );
  }
  seen['defended offers'] = await exactlyOnce(
    db,
    'defence of an offer',
    `SELECT s.id AS key, (SELECT count(*) FROM prospects.defence d WHERE d.offer_id = s.id) AS n FROM (${ids('id')}) s`,
    [offers],
    out,
  );
  seen['contract cases'] = await exactlyOnce(
    db,
    'contract case of a defended offer',
    `SELECT s.id AS key, (SELECT count(*) FROM contracts.contract_case c WHERE c.offer_id = s.id) AS n
       FROM (${ids('id')}) s`,
    [offers],
    out,
  );
  const tasks = await db.query<{ n: string }>(
    `SELECT count(t.id) AS n FROM contracts.contract_case c LEFT JOIN contracts.contract_task t ON t.case_id = c.id
      WHERE c.offer_id = ANY($1::uuid[]) GROUP BY c.id`,
    [offers],
  );
  const perCase = new Set(tasks.map((t) => Number(t.n)));
  seen['contract tasks'] = tasks.reduce((sum, t) => sum + Number(t.n), 0);
  if (tasks.some((t) => Number(t.n) === 0) || perCase.size > 1) {
    out.push({ kind: 'lost', what: `contract tasks (cases hold ${[...perCase].join(' / ')} tasks)`, count: 1 });
  }
  await noTwins(
    db,
    'stage transition',
    `SELECT 1 FROM prospects.stage_transition WHERE prospect_id = ANY('{${prospects.join(',')}}'::uuid[])
      GROUP BY prospect_id, event_kind, from_stage, to_stage, from_status, to_status`,
    out,
  );
}

/** Every message an outbox sent reached each consumer's inbox (once: the inbox key is the message id). */
async function checkDelivery(db: ChaosDatabase, out: Finding[], seen: Record<string, number>) {
  let messages = 0;
  for (const source of SCHEMAS) {
    const rows = await db.query<{ job_name: JobName; id: string }>(`SELECT id, job_name FROM "${source}".outbox`);
    messages += rows.length;
    const unsent = n(await db.query(`SELECT count(*) AS n FROM "${source}".outbox WHERE sent_at IS NULL`));
    if (unsent) out.push({ kind: 'stuck', what: `unsent outbox rows of ${source}`, count: unsent });
    for (const consumer of SCHEMAS) {
      const expected = rows.filter((r) => consumersOf(r.job_name).includes(consumer)).map((r) => r.id);
      if (expected.length === 0) continue;
      const missing = await db.query<{ job_name: string; n: string }>(
        `SELECT o.job_name, count(*) AS n FROM "${source}".outbox o
          WHERE o.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM "${consumer}".inbox i WHERE i.message_id = o.id)
          GROUP BY o.job_name`,
        [expected],
      );
      for (const m of missing) {
        out.push({ kind: 'lost', what: `${m.job_name} from ${source} never applied by ${consumer}`, count: +m.n });
      }
    }
  }
  seen['messages'] = messages;
}

async function checkNotifications(
  db: ChaosDatabase,
  receiver: WebhookReceiver,
  out: Finding[],
  seen: Record<string, number>,
) {
  seen['notifications'] = n(await db.query('SELECT count(*) AS n FROM notifications.notification'));
  await noTwins(
    db,
    'notification (the same event told twice)',
    'SELECT 1 FROM notifications.notification GROUP BY user_id, event_type, subject_id, title, body',
    out,
  );
  seen['e-mails'] = n(await db.query(`SELECT count(*) AS n FROM notifications.mail WHERE kind = 'event'`));
  await noTwins(
    db,
    'e-mail (the same event mailed twice)',
    `SELECT 1 FROM notifications.mail WHERE kind = 'event' GROUP BY user_id, event_type, title, body, link_path`,
    out,
  );
  const unsentMail = n(
    await db.query(`SELECT count(*) AS n FROM notifications.mail WHERE status IN ('pending', 'sending', 'failed')`),
  );
  if (unsentMail) out.push({ kind: 'stuck', what: 'e-mails not sent', count: unsentMail });
  const deliveries = await db.query<{ id: string; status: string }>(
    `SELECT id, status FROM notifications.webhook_delivery`,
  );
  seen['webhook deliveries'] = deliveries.length;
  await noTwins(
    db,
    'webhook delivery (the same event delivered as two)',
    `SELECT 1 FROM notifications.webhook_delivery GROUP BY webhook_id, event_type, (body::jsonb) -> 'data'`,
    out,
  );
  const undelivered = deliveries.filter((d) => d.status !== 'succeeded').length;
  if (undelivered) out.push({ kind: 'stuck', what: 'webhook deliveries not succeeded', count: undelivered });
  const neverArrived = deliveries.filter((d) => d.status === 'succeeded' && !receiver.received.has(d.id)).length;
  if (neverArrived)
    out.push({ kind: 'lost', what: 'webhook deliveries marked succeeded, never received', count: neverArrived });
}

async function checkDeadLetters(db: ChaosDatabase, out: Finding[]): Promise<number> {
  let total = 0;
  for (const schema of SCHEMAS) {
    const rows = await db.query<{ job_name: string; error: string; history: string }>(
      `SELECT d.job_name, d.error, (SELECT count(*) FROM "${schema}".failed_attempt f WHERE f.message_id = d.message_id)
         AS history FROM "${schema}".dead_letter d`,
    );
    total += rows.length;
    const unexplained = rows.filter((r) => !r.error?.trim() || Number(r.history) === 0).length;
    if (unexplained)
      out.push({ kind: 'unexplained', what: `dead letters without error or history in ${schema}`, count: unexplained });
  }
  return total;
}

export async function checkEffects(
  db: ChaosDatabase,
  deals: DealRecord[],
  receiver: WebhookReceiver,
): Promise<CheckFigures> {
  const findings: Finding[] = [];
  const seen: Record<string, number> = {};
  await checkDeals(db, deals, findings, seen);
  await checkDelivery(db, findings, seen);
  await checkNotifications(db, receiver, findings, seen);
  const deadLetters = await checkDeadLetters(db, findings);
  const webhookResends = [...receiver.received.values()].reduce((sum, times) => sum + times - 1, 0);
  return { findings, seen, deadLetters, webhookResends };
}
