import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, QueryDeepPartialEntity } from 'typeorm';
import { SortOrder } from '@dealgate/common';
import { OfferTermsSnapshot } from '@dealgate/domain';
import { hydrateRows } from '@dealgate/database';
import { ContractCaseEntity } from './case.entity';
import { ContractCaseRecord, NewContractCase, Signatory } from './case.records';
import { CaseVisibility } from './case-visibility';
import { CaseSortField } from './cases.dto';

const toRecord = (e: ContractCaseEntity): ContractCaseRecord => ({
  id: e.id,
  offerId: e.offerId,
  prospectId: e.prospectId,
  defenceId: e.defenceId,
  salespersonId: e.salespersonId,
  unitId: e.unitId,
  productLineId: e.productLineId,
  companyName: e.companyName,
  baseline: e.baseline,
  terms: e.terms,
  termsRevision: e.termsRevision,
  termsEditedBy: e.termsEditedBy,
  termsEditedAt: e.termsEditedAt,
  defendedAt: e.defendedAt,
  openedAt: e.openedAt,
  signedAt: e.signedAt,
  signedOn: e.signedOn,
  signedBy: e.signedBy,
  signatories: e.signatories,
  version: e.version,
});

/** `version = version + 1`, as the query builder takes raw SQL for a value. */
const bumped = () => 'version + 1';

export interface CaseListFilter {
  status?: 'open' | 'signed';
  unitId?: string;
  prospectId?: string;
  salespersonId?: string;
  productLineId?: string;
}

/** The SQL each sort field orders by; cases with nothing due (or no name) last either way; the id breaks ties. */
const SORT_SQL: Record<CaseSortField, string> = {
  nextDueAt: 'next_due_at',
  openedAt: 'opened_at',
  companyName: 'company_name',
};

// Without a sort: the soonest due first (overdue cases lead), nothing due last, newest first among equals.
function orderBy(sort: SortOrder<CaseSortField> | undefined): string {
  if (!sort) return 'next_due_at ASC NULLS LAST, opened_at DESC, id';
  const direction = sort.descending ? 'DESC' : 'ASC';
  return `${SORT_SQL[sort.field]} ${direction} NULLS LAST, opened_at DESC, id ${direction}`;
}

export interface CaseListRow {
  record: ContractCaseRecord;
  nextDueAt: Date | null;
  overdueTasks: number;
}

/**
 * Contract cases. Entities and rows stay in here: callers give and get records (case.records.ts). Single-row reads
 * and writes go through the entity (query builder); the list, with its visibility filter (case-visibility.ts) and the
 * due facts of each case's tasks, is set-based SQL read back as entities (hydrateRows).
 */
@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the case unless one exists for the offer; true when this call opened it. */
  async insertIfAbsent(manager: EntityManager, c: NewContractCase): Promise<boolean> {
    // Every column but terms_revision and version (the columns' default, 1): typed as the entity so a column left
    // out fails to compile. The terms start as the baseline.
    const row: Omit<ContractCaseEntity, 'termsRevision' | 'version'> = {
      id: c.id,
      offerId: c.offerId,
      prospectId: c.prospectId,
      defenceId: c.defenceId,
      salespersonId: c.salespersonId,
      unitId: c.unitId,
      productLineId: c.productLineId,
      companyName: c.companyName,
      baseline: c.baseline,
      terms: c.baseline,
      termsEditedBy: null,
      termsEditedAt: null,
      defendedAt: c.defendedAt,
      openedAt: c.openedAt,
      signedAt: null,
      signedOn: null,
      signedBy: null,
      signatories: null,
    };
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ContractCaseEntity)
      .values(row)
      // ON CONFLICT DO NOTHING: offer_id is the unique that a redelivery meets (the id is a fresh UUID).
      .orIgnore()
      .returning('id')
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  async find(id: string, manager?: EntityManager): Promise<ContractCaseRecord | null> {
    const entity = await (manager ?? this.dataSource.manager).findOneBy(ContractCaseEntity, { id });
    return entity === null ? null : toRecord(entity);
  }

  /** Locks the case for the rest of the transaction: every write to a case and its tasks goes through here. */
  async lock(manager: EntityManager, id: string): Promise<ContractCaseRecord | null> {
    const entity = await manager
      .createQueryBuilder(ContractCaseEntity, 'c')
      .setLock('pessimistic_write')
      .where({ id })
      .getOne();
    return entity === null ? null : toRecord(entity);
  }

  async list(
    visibility: CaseVisibility,
    filter: CaseListFilter,
    page: { limit: number; offset: number; sort?: SortOrder<CaseSortField> },
    now: Date,
  ): Promise<{ items: CaseListRow[]; total: number }> {
    const where = [
      `($1::boolean OR c.salesperson_id = $2::uuid OR c.unit_id = ANY($3::uuid[]))`,
      `($4::text IS NULL OR ($4 = 'signed') = (c.signed_at IS NOT NULL))`,
      `($5::uuid IS NULL OR c.unit_id = $5)`,
      `($6::uuid IS NULL OR c.prospect_id = $6)`,
      `($7::uuid IS NULL OR c.salesperson_id = $7)`,
      `($8::uuid IS NULL OR c.product_line_id = $8)`,
    ].join(' AND ');
    const params = [
      visibility.all,
      visibility.salespersonId,
      visibility.unitIds,
      filter.status ?? null,
      filter.unitId ?? null,
      filter.prospectId ?? null,
      filter.salespersonId ?? null,
      filter.productLineId ?? null,
    ];
    const manager = this.dataSource.manager;
    // Due facts come from the case's tasks not done; a signed case keeps only its handover task to count.
    const rows = await manager.query<(Record<string, unknown> & { next_due_at: Date | null; overdue_tasks: number })[]>(
      `SELECT * FROM (
         SELECT c.*,
           (SELECT min(t.due_at) FROM contract_task t WHERE t.case_id = c.id AND t.status <> 'done') AS next_due_at,
           (SELECT count(*)::int FROM contract_task t
             WHERE t.case_id = c.id AND t.status <> 'done' AND t.due_at <= $11) AS overdue_tasks
         FROM contract_case c WHERE ${where}) listed
       ORDER BY ${orderBy(page.sort)} LIMIT $9 OFFSET $10`,
      [...params, page.limit, page.offset, now],
    );
    const [{ total }] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM contract_case c WHERE ${where}`,
      params,
    );
    const entities = hydrateRows(manager, ContractCaseEntity, rows);
    return {
      items: rows.map((r, i) => ({
        record: toRecord(entities[i]),
        nextDueAt: r.next_due_at,
        overdueTasks: r.overdue_tasks,
      })),
      total,
    };
  }

  async updateTerms(
    manager: EntityManager,
    id: string,
    terms: OfferTermsSnapshot,
    userId: string,
    now: Date,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ContractCaseEntity)
      .set({
        terms: terms as QueryDeepPartialEntity<OfferTermsSnapshot>,
        termsRevision: () => 'terms_revision + 1',
        termsEditedBy: userId,
        termsEditedAt: now,
        version: bumped,
      })
      .where({ id })
      .execute();
  }

  async markSigned(
    manager: EntityManager,
    id: string,
    signed: { at: Date; on: string; by: string; signatories: Signatory[] },
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ContractCaseEntity)
      .set({
        signedAt: signed.at,
        signedOn: signed.on,
        signedBy: signed.by,
        signatories: signed.signatories,
        version: bumped,
      })
      .where({ id, signedAt: IsNull() })
      .execute();
  }
}
