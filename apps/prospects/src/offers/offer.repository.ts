import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { OfferStatus } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { hydrateRows } from '@dealgate/database';
import { visibleProspectsSql } from '../prospects/prospect-visibility.sql';
import { OfferEntity } from './offer.entity';
import { OfferTerms, OfferView } from './offer.model';

const rawRows = (raw: unknown) => raw as Record<string, unknown>[];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toView = (e: OfferEntity): OfferView => ({
  id: e.id,
  prospectId: e.prospectId,
  number: e.number,
  previousOfferId: e.previousOfferId,
  status: e.status,
  authorId: e.authorId,
  contributorIds: e.contributorIds,
  items: e.items,
  paymentDays: e.paymentDays,
  delivery: { text: e.deliveryText, days: e.deliveryDays },
  discountPercent: Number(e.discountPercent),
  // A `date` column: the driver's calendar day, never shifted by time zones.
  validUntil: e.validUntil,
  clauses: e.clauses,
  totalMinor: Number(e.totalMinor),
  currency: e.currency,
  approvalRequestId: e.approvalRequestId,
  submittedAt: iso(e.submittedAt),
  decidedBy: e.decidedBy,
  decidedAt: iso(e.decidedAt),
  decisionComment: e.decisionComment,
  version: e.version,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

/** The terms' columns, as an insert and an edit write them. */
const termColumns = (terms: OfferTerms, totalMinor: number, currency: string) => ({
  items: terms.items,
  paymentDays: terms.paymentDays,
  deliveryText: terms.delivery.text,
  deliveryDays: terms.delivery.days,
  discountPercent: String(terms.discountPercent),
  validUntil: terms.validUntil,
  clauses: terms.clauses,
  totalMinor: String(totalMinor),
  currency,
});

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

/**
 * Offer versions. Entities stay in here: callers get OfferViews. Single rows go through the query builder (the
 * version in the where is the compare-and-set, setLock for the row lock); the visible list stays SQL, hydrated.
 */
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
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OfferEntity)
      .values({
        prospectId: o.prospectId,
        // The next number of the prospect's offers; offer_one_open_uq and the prospect lock keep two from racing.
        number: () => '(SELECT COALESCE(max(number), 0) + 1 FROM offer WHERE prospect_id = :prospectId)',
        previousOfferId: o.previousOfferId,
        status: OfferStatus.Draft,
        authorId: o.authorId,
        ...termColumns(o.terms, o.totalMinor, o.currency),
        createdAt: o.at,
        updatedAt: o.at,
        contributorIds: [...new Set([...(o.earlierContributorIds ?? []), o.authorId])],
      })
      .setParameter('prospectId', o.prospectId)
      .returning('*')
      .updateEntity(false)
      .execute();
    return toView(hydrateRows(manager, OfferEntity, rawRows(result.raw))[0]);
  }

  async findById(manager: EntityManager, id: string, lock = false): Promise<OfferView | null> {
    const query = manager.createQueryBuilder(OfferEntity, 'o').where({ id });
    if (lock) query.setLock('pessimistic_write');
    const entity = await query.getOne();
    return entity === null ? null : toView(entity);
  }

  async forProspect(manager: EntityManager, prospectId: string): Promise<OfferView[]> {
    const entities = await manager.find(OfferEntity, { where: { prospectId }, order: { number: 'ASC' } });
    return entities.map(toView);
  }

  async hasOpenOffer(manager: EntityManager, prospectId: string): Promise<boolean> {
    return manager.existsBy(OfferEntity, {
      prospectId,
      status: In([OfferStatus.Draft, OfferStatus.PendingApproval, OfferStatus.Approved, OfferStatus.Rejected]),
    });
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
    const rows = await manager.query<Record<string, unknown>[]>(
      `SELECT o.* FROM ${from} WHERE ${clause} ORDER BY o.updated_at DESC, o.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return { items: hydrateRows(manager, OfferEntity, rows).map(toView), total };
  }

  /** New terms for an editable version, back to a draft; null when the version moved on. */
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
    const result = await manager
      .createQueryBuilder()
      .update(OfferEntity)
      .set({
        // The editor joins the authors once.
        contributorIds: () =>
          'CASE WHEN CAST(:editorId AS uuid) = ANY(contributor_ids) THEN contributor_ids ELSE array_append(contributor_ids, CAST(:editorId AS uuid)) END',
        ...termColumns(terms, totalMinor, currency),
        status: OfferStatus.Draft,
        approvalRequestId: null,
        submittedAt: null,
        updatedAt: at,
        version: () => 'version + 1',
      })
      .where({ id, version: expectedVersion })
      .setParameter('editorId', editorId)
      .returning('*')
      .execute();
    const [entity] = hydrateRows(manager, OfferEntity, rawRows(result.raw));
    return entity === undefined ? null : toView(entity);
  }

  /** Moves the status (the caller holds the row lock and checked the state); bumps the version. */
  async changeStatus(manager: EntityManager, id: string, change: OfferStatusChange, at: Date): Promise<OfferView> {
    // A key given as undefined is left alone.
    const given = Object.fromEntries(
      Object.entries(change).filter(([, value]) => value !== undefined),
    ) as OfferStatusChange;
    const result = await manager
      .createQueryBuilder()
      .update(OfferEntity)
      .set({ ...given, updatedAt: at, version: () => 'version + 1' })
      .where({ id })
      .returning('*')
      .execute();
    return toView(hydrateRows(manager, OfferEntity, rawRows(result.raw))[0]);
  }
}
