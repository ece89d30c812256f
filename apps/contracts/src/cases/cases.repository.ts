import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SortOrder } from '@dealgate/common';
import { OfferTermsSnapshot } from '@dealgate/domain';
import { ContractCaseRecord, NewContractCase, Signatory } from './case.record';
import { CaseVisibility } from './case-visibility';
import { CaseSortField } from './cases.dto';

interface CaseRow {
  id: string;
  offer_id: string;
  prospect_id: string;
  defence_id: string;
  salesperson_id: string;
  unit_id: string;
  product_line_id: string;
  company_name: string | null;
  baseline: OfferTermsSnapshot;
  terms: OfferTermsSnapshot;
  terms_revision: number;
  terms_edited_by: string | null;
  terms_edited_at: Date | null;
  defended_at: Date;
  opened_at: Date;
  signed_at: Date | null;
  signed_on: string | null;
  signed_by: string | null;
  signatories: Signatory[] | null;
  version: number;
}

const COLUMNS = `id, offer_id, prospect_id, defence_id, salesperson_id, unit_id, product_line_id, company_name, baseline, terms,
  terms_revision, terms_edited_by, terms_edited_at, defended_at, opened_at, signed_at, signed_on::text AS signed_on,
  signed_by, signatories, version`;

const toRecord = (r: CaseRow): ContractCaseRecord => ({
  id: r.id,
  offerId: r.offer_id,
  prospectId: r.prospect_id,
  defenceId: r.defence_id,
  salespersonId: r.salesperson_id,
  unitId: r.unit_id,
  productLineId: r.product_line_id,
  companyName: r.company_name,
  baseline: r.baseline,
  terms: r.terms,
  termsRevision: r.terms_revision,
  termsEditedBy: r.terms_edited_by,
  termsEditedAt: r.terms_edited_at,
  defendedAt: r.defended_at,
  openedAt: r.opened_at,
  signedAt: r.signed_at,
  signedOn: r.signed_on,
  signedBy: r.signed_by,
  signatories: r.signatories,
  version: r.version,
});

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

@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the case unless one exists for the offer; true when this call opened it. */
  async insertIfAbsent(manager: EntityManager, c: NewContractCase): Promise<boolean> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO contract_case (id, offer_id, prospect_id, defence_id, salesperson_id, unit_id, product_line_id,
         baseline, terms, defended_at, opened_at, company_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11)
       ON CONFLICT (offer_id) DO NOTHING RETURNING id`,
      [
        c.id,
        c.offerId,
        c.prospectId,
        c.defenceId,
        c.salespersonId,
        c.unitId,
        c.productLineId,
        JSON.stringify(c.baseline),
        c.defendedAt,
        c.openedAt,
        c.companyName,
      ],
    );
    return rows.length === 1;
  }

  async find(id: string, manager?: EntityManager): Promise<ContractCaseRecord | null> {
    const rows = await (manager ?? this.dataSource.manager).query<CaseRow[]>(
      `SELECT ${COLUMNS} FROM contract_case WHERE id = $1`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Locks the case for the rest of the transaction: every write to a case and its tasks goes through here. */
  async lock(manager: EntityManager, id: string): Promise<ContractCaseRecord | null> {
    const rows = await manager.query<CaseRow[]>(`SELECT ${COLUMNS} FROM contract_case WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(
    visibility: CaseVisibility,
    filter: CaseListFilter,
    page: { limit: number; offset: number; sort?: SortOrder<CaseSortField> },
    now: Date,
  ): Promise<{ items: CaseListRow[]; total: number }> {
    const where = [
      `($1::boolean OR salesperson_id = $2::uuid OR unit_id = ANY($3::uuid[]))`,
      `($4::text IS NULL OR ($4 = 'signed') = (signed_at IS NOT NULL))`,
      `($5::uuid IS NULL OR unit_id = $5)`,
      `($6::uuid IS NULL OR prospect_id = $6)`,
      `($7::uuid IS NULL OR salesperson_id = $7)`,
      `($8::uuid IS NULL OR product_line_id = $8)`,
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
    // Due facts come from the case's tasks not done; a signed case keeps only its handover task to count.
    const rows = await this.dataSource.query<(CaseRow & { next_due_at: Date | null; overdue_tasks: number })[]>(
      `SELECT * FROM (
         SELECT ${COLUMNS},
           (SELECT min(t.due_at) FROM contract_task t WHERE t.case_id = c.id AND t.status <> 'done') AS next_due_at,
           (SELECT count(*)::int FROM contract_task t
             WHERE t.case_id = c.id AND t.status <> 'done' AND t.due_at <= $11) AS overdue_tasks
         FROM contract_case c WHERE ${where}) listed
       ORDER BY ${orderBy(page.sort)} LIMIT $9 OFFSET $10`,
      [...params, page.limit, page.offset, now],
    );
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM contract_case WHERE ${where}`,
      params,
    );
    return {
      items: rows.map((r) => ({ record: toRecord(r), nextDueAt: r.next_due_at, overdueTasks: r.overdue_tasks })),
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
    await manager.query(
      `UPDATE contract_case SET terms = $2, terms_revision = terms_revision + 1, terms_edited_by = $3, terms_edited_at = $4,
         version = version + 1 WHERE id = $1`,
      [id, JSON.stringify(terms), userId, now],
    );
  }

  async markSigned(
    manager: EntityManager,
    id: string,
    signed: { at: Date; on: string; by: string; signatories: Signatory[] },
  ): Promise<void> {
    await manager.query(
      `UPDATE contract_case SET signed_at = $2, signed_on = $3, signed_by = $4, signatories = $5, version = version + 1
        WHERE id = $1 AND signed_at IS NULL`,
      [id, signed.at, signed.on, signed.by, JSON.stringify(signed.signatories)],
    );
  }
}
