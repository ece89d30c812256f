import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ANALYTICS_STAGES, AnalyticsStage } from '@dealgate/domain';

const DAY = 86_400_000;
export const STAGES = ANALYTICS_STAGES;
export type Stage = AnalyticsStage;

export interface LogRow {
  prospectId: string;
  eventKind: string;
  fromStage: Stage;
  toStage: Stage;
  fromStatus: string;
  toStatus: string;
  at: Date;
  ownerId: string | null;
  unitId: string;
  productLineId: string;
  lostReason: string | null;
}

export interface GeneratedProspect {
  id: string;
  ownerId: string;
  unitId: string;
  productLineId: string;
  rows: LogRow[];
  meetingHeldAt: Date | null;
  briefAt: Date | null;
  stage: Stage;
  status: string;
  stageEnteredAt: Date;
}

export interface Seller {
  userId: string;
  unitId: string;
}

const LOST_REASONS = ['no_budget', 'competitor_chosen', 'no_need'];

/**
 * A deterministic funnel: prospect i starts at `start + i * 7h`, goes as far as (i mod 6) says, some with an
 * offer sent back for revision, some lost (reason by i), some won. Every answer a report should give can be
 * computed from the returned rows with plain loops (see funnel-truth.ts), independently of the SQL under test.
 */
export function generateFunnel(count: number, start: Date, sellers: Seller[], productLineIds: string[]) {
  const prospects: GeneratedProspect[] = [];
  for (let i = 0; i < count; i++) {
    const seller = sellers[i % sellers.length];
    const productLineId = productLineIds[i % productLineIds.length];
    const id = randomUUID();
    const furthest = 1 + (i % 5); // primary_contact .. contract
    const lost = i % 7 === 3 && furthest < 5;
    const won = furthest === 5 && i % 2 === 0;
    const revised = furthest >= 4 && i % 3 === 0;
    let at = new Date(start.getTime() + i * 7 * 3_600_000);
    const rows: LogRow[] = [];
    const base = { prospectId: id, unitId: seller.unitId, productLineId, lostReason: null };
    const push = (
      eventKind: string,
      from: Stage,
      to: Stage,
      fromStatus: string,
      toStatus: string,
      owner: string | null,
    ) => rows.push({ ...base, eventKind, fromStage: from, toStage: to, fromStatus, toStatus, at, ownerId: owner });
    // Entry through the sample approval: nobody owns the prospect yet (as in the funnel's own code).
    push('sample_approved', 'sampling', 'primary_contact', 'active', 'active', null);
    let meetingHeldAt: Date | null = null;
    let briefAt: Date | null = null;
    let stage: Stage = 'primary_contact';
    let stageEnteredAt = at;
    const step = (days: number) => (at = new Date(at.getTime() + days * DAY));
    const move = (eventKind: string, to: Stage) => {
      push(eventKind, stage, to, 'active', 'active', seller.userId);
      stage = to;
      stageEnteredAt = at;
    };
    if (furthest >= 2) {
      step(3 + (i % 4));
      move('meeting_scheduled', 'needs_identification');
      meetingHeldAt = new Date(at.getTime() + 2 * DAY);
    }
    if (furthest >= 3) {
      step(5 + (i % 3));
      briefAt = at;
      move('brief_completed', 'offer_formation');
    }
    if (furthest >= 4) {
      step(4 + (i % 5));
      move('offer_approved', 'offer_defence');
      if (revised) {
        step(2);
        move('offer_revised', 'offer_formation');
        step(3);
        move('offer_approved', 'offer_defence');
      }
    }
    if (furthest >= 5) {
      step(6 + (i % 2));
      move('defence_recorded', 'contract');
    }
    let status = 'active';
    if (won) {
      step(10);
      push('contract_signed', 'contract', 'contract', 'active', 'won', seller.userId);
      status = 'won';
    } else if (lost) {
      step(1);
      rows.push({
        ...base,
        eventKind: 'lost',
        fromStage: stage,
        toStage: stage,
        fromStatus: 'active',
        toStatus: 'lost',
        at,
        ownerId: seller.userId,
        lostReason: LOST_REASONS[i % LOST_REASONS.length],
      });
      status = 'lost';
    }
    prospects.push({
      id,
      ownerId: seller.userId,
      unitId: seller.unitId,
      productLineId,
      rows,
      meetingHeldAt,
      briefAt,
      stage,
      status,
      stageEnteredAt,
    });
  }
  return prospects;
}

/** Writes the prospects, their meetings and briefs and their log rows (through the analytics trigger). */
export async function insertFunnel(databaseUrl: string, prospects: GeneratedProspect[]): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SET search_path TO prospects');
    await client.query('BEGIN');
    const samples = new Map<string, string>();
    for (const p of prospects) {
      const key = `${p.unitId}:${p.productLineId}`;
      if (!samples.has(key)) {
        const [{ id }] = (
          await client.query<{ id: string }>(
            `INSERT INTO target_sample (product_line_id, unit_id, author_id, title, rationale, status)
             VALUES ($1, $2, $3, 'Generated', 'Generated for analytics tests', 'approved') RETURNING id`,
            [p.productLineId, p.unitId, p.ownerId],
          )
        ).rows;
        samples.set(key, id);
      }
      await client.query(
        `INSERT INTO prospect (id, sample_id, product_line_id, unit_id, owner_id, company_name, stage, status, stage_entered_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          p.id,
          samples.get(key),
          p.productLineId,
          p.unitId,
          p.ownerId,
          `=Company ${p.id.slice(0, 8)}`,
          p.stage,
          p.status,
          p.stageEnteredAt,
          p.rows[0].at,
        ],
      );
      if (p.meetingHeldAt) {
        const [{ id: contactId }] = (
          await client.query<{ id: string }>(
            `INSERT INTO contact (prospect_id, name, is_decision_maker, created_by) VALUES ($1, 'DM', true, $2) RETURNING id`,
            [p.id, p.ownerId],
          )
        ).rows;
        const [{ id: meetingId }] = (
          await client.query<{ id: string }>(
            `INSERT INTO meeting (prospect_id, contact_id, scheduled_at, status, held_at, created_by)
             VALUES ($1, $2, $3, 'held', $3, $4) RETURNING id`,
            [p.id, contactId, p.meetingHeldAt, p.ownerId],
          )
        ).rows;
        if (p.briefAt) {
          await client.query(
            `INSERT INTO brief (prospect_id, meeting_id, sections, needs, completed_at, author_id) VALUES ($1, $2, '{}', '[]', $3, $4)`,
            [p.id, meetingId, p.briefAt, p.ownerId],
          );
        }
      }
    }
    // Log rows in time order across prospects, as a live system appends them.
    const rows = prospects.flatMap((p) => p.rows).sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const r of rows) {
      await client.query(
        `INSERT INTO stage_transition (prospect_id, event_kind, from_stage, to_stage, from_status, to_status, at,
           lost_reason_code, product_line_id, unit_id, owner_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          r.prospectId,
          r.eventKind,
          r.fromStage,
          r.toStage,
          r.fromStatus,
          r.toStatus,
          r.at,
          r.lostReason,
          r.productLineId,
          r.unitId,
          r.ownerId,
        ],
      );
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
