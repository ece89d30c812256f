import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OfferStatus } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { visibleProspectsSql } from '../prospects/prospect-visibility.sql';
import { OfferItem, OfferTerms, OfferView } from './offer.model';

interface Row {
  id: string;
  prospect_id: string;
  number: number;
  previous_offer_id: string | null;
  status: OfferStatus;
  author_id: string;
  contributor_ids: string[];
  items: OfferItem[];
  payment_days: number;
  delivery_text: string | null;
  delivery_days: number | null;
  discount_percent: string;
  valid_until: string;
  clauses: string[];
  total_minor: string;
  currency: string;
  approval_request_id: string | null;
  submitted_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

const toView = (r: Row): OfferView => ({
  id: r.id,
  prospectId: r.prospect_id,
  number: r.number,
  previousOfferId: r.previous_offer_id,
  status: r.status,
  authorId: r.author_id,
  contributorIds: r.contributor_ids,
  items: r.items,
  paymentDays: r.payment_days,
  delivery: { text: r.delivery_text, days: r.delivery_days },
  discountPercent: Number(r.discount_percent),
  validUntil: r.valid_until,
  clauses: r.clauses,
  totalMinor: Number(r.total_minor),
  currency: r.currency,
  approvalRequestId: r.approval_request_id,
  submittedAt: iso(r.submitted_at),
  decidedBy: r.decided_by,
  decidedAt: iso(r.decided_at),
  decisionComment: r.decision_comment,
  version: r.version,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

// valid_until as text: a calendar day, never shifted by time zones.
const COLUMNS = `o.*, to_char(o.valid_until, 'YYYY-MM-DD') AS valid_until`;

export interface OfferFilter {
  status?: OfferStatus;
  prospectId?: string;
  unitId?: string;
  ownerId?: string;
  limit: number;
  offset: number;
}

export interface OfferStatusChange {
  status: OfferStatus;
  approvalRequestId?: string | null;
  submittedAt?: Date | null;
  decidedBy?: string | null;
  decidedAt?: Date | null;
  decisionComment?: string | null;
}

@Injectable()
export class OfferRepository {
  async insert(
    manager: EntityManager,
    o: {
      prospectId: string;
      previousOfferId: string | null;
      authorId: string;
      /** Authors of the version this one is made from (a revision keeps its authors). */
      earlierContributorIds?: string[];
      terms: OfferTerms;
      totalMinor: number;
      currency: string;
      at: Date;
    },
  ): Promise<OfferView> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO offer (prospect_id, number, previous_offer_id, status, author_id, items, payment_days, delivery_text, delivery_days,
         discount_percent, valid_until, clauses, total_minor, currency, created_at, updated_at, contributor_ids)
       VALUES ($1, (SELECT COALESCE(max(number), 0) + 1 FROM offer WHERE prospect_id = $1), $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13,
         ARRAY(SELECT DISTINCT unnest(array_append($14::uuid[], $3::uuid))))
       RETURNING id`,
      [
        o.prospectId,
        o.previousOfferId,
        o.authorId,
        JSON.stringify(o.terms.items),
        o.terms.paymentDays,
        o.terms.delivery.text,
        o.terms.delivery.days,
        o.terms.discountPercent,
        o.terms.validUntil,
        JSON.stringify(o.terms.clauses),
        o.totalMinor,
        o.currency,
        o.at,
        o.earlierContributorIds ?? [],
      ],
    );
    return (await this.findById(manager, rows[0].id))!;
  }

  async findById(manager: EntityManager, id: string, lock = false): Promise<OfferView | null> {
    if (lock) await manager.query('SELECT 1 FROM offer WHERE id = $1 FOR UPDATE', [id]);
    const rows = await manager.query<Row[]>(`SELECT ${COLUMNS} FROM offer o WHERE o.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async forProspect(manager: EntityManager, prospectId: string): Promise<OfferView[]> {
    const rows = await manager.query<Row[]>(
      `SELECT ${COLUMNS} FROM offer o WHERE o.prospect_id = $1 ORDER BY o.number`,
      [prospectId],
    );
    return rows.map(toView);
  }

  async hasOpenOffer(manager: EntityManager, prospectId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM offer WHERE prospect_id = $1 AND status IN ('draft', 'pending_approval', 'approved', 'rejected')`,
      [prospectId],
    );
    return rows.length > 0;
  }

  async list(
    manager: EntityManager,
    principal: Principal,
    f: OfferFilter,
  ): Promise<{ items: OfferView[]; total: number }> {
    const params: unknown[] = [];
    const where = [visibleProspectsSql(principal, params)];
    for (const [column, value] of [
      ['o.status', f.status],
      ['o.prospect_id', f.prospectId],
      ['p.unit_id', f.unitId],
      ['p.owner_id', f.ownerId],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    const from = 'offer o JOIN prospect p ON p.id = o.prospect_id';
    const clause = where.join(' AND ');
    const [{ total }] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM ${from} WHERE ${clause}`,
      params,
    );
    const rows = await manager.query<Row[]>(
      `SELECT ${COLUMNS} FROM ${from} WHERE ${clause} ORDER BY o.updated_at DESC, o.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return { items: rows.map(toView), total };
  }

  /** New terms for an editable version; null when the version moved on. */
  async updateTerms(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    terms: OfferTerms,
    totalMinor: number,
    currency: string,
    at: Date,
    editorId: string,
  ): Promise<OfferView | null> {
    const [rows] = await manager.query<[{ id: string }[], number]>(
      `UPDATE offer SET contributor_ids = CASE WHEN $13::uuid = ANY(contributor_ids) THEN contributor_ids ELSE array_append(contributor_ids, $13::uuid) END,
         items = $3, payment_days = $4, delivery_text = $5, delivery_days = $6, discount_percent = $7, valid_until = $8,
         clauses = $9, total_minor = $10, currency = $11, status = '${OfferStatus.Draft}', approval_request_id = NULL, submitted_at = NULL,
         updated_at = $12, version = version + 1
       WHERE id = $1 AND version = $2 RETURNING id`,
      [
        id,
        expectedVersion,
        JSON.stringify(terms.items),
        terms.paymentDays,
        terms.delivery.text,
        terms.delivery.days,
        terms.discountPercent,
        terms.validUntil,
        JSON.stringify(terms.clauses),
        totalMinor,
        currency,
        at,
        editorId,
      ],
    );
    return rows[0] ? this.findById(manager, id) : null;
  }

  /** Moves the status (the caller holds the row lock and checked the state); bumps the version. */
  async changeStatus(manager: EntityManager, id: string, change: OfferStatusChange, at: Date): Promise<OfferView> {
    const columns: Record<keyof OfferStatusChange, string> = {
      status: 'status',
      approvalRequestId: 'approval_request_id',
      submittedAt: 'submitted_at',
      decidedBy: 'decided_by',
      decidedAt: 'decided_at',
      decisionComment: 'decision_comment',
    };
    const params: unknown[] = [id, at];
    const sets = ['updated_at = $2', 'version = version + 1'];
    for (const [key, value] of Object.entries(change) as [keyof OfferStatusChange, unknown][]) {
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${columns[key]} = $${params.length}`);
    }
    await manager.query(`UPDATE offer SET ${sets.join(', ')} WHERE id = $1`, params);
    return (await this.findById(manager, id))!;
  }
}
