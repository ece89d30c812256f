import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AcceptedCompany, Role } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { SortOrder } from '@dealgate/common';
import { SampleSortField } from './sample.dto';
import { SampleView, SampleCompanyView } from './sample.view';
export { SampleView, SampleCompanyView };

export type SampleStatus = 'draft' | 'pending_approval' | 'approved';

interface Row {
  id: string;
  product_line_id: string;
  unit_id: string;
  author_id: string;
  contributor_ids: string[];
  title: string;
  rationale: string;
  status: SampleStatus;
  approval_request_id: string | null;
  decision_comment: string | null;
  decided_by: string | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  version: number;
  company_count?: number;
  created_at: Date;
  updated_at: Date;
}

interface CompanyRow {
  id: string;
  name: string;
  tax_id: string | null;
  website: string | null;
  name_key: string | null;
  tax_key: string | null;
  domain_key: string | null;
  prospect_id: string | null;
  skipped_reason: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

const toView = (r: Row): SampleView => ({
  id: r.id,
  productLineId: r.product_line_id,
  unitId: r.unit_id,
  authorId: r.author_id,
  contributorIds: r.contributor_ids,
  title: r.title,
  rationale: r.rationale,
  status: r.status,
  approvalRequestId: r.approval_request_id,
  decisionComment: r.decision_comment,
  decidedBy: r.decided_by,
  submittedAt: iso(r.submitted_at),
  decidedAt: iso(r.decided_at),
  version: r.version,
  companyCount: r.company_count ?? 0,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const toCompany = (r: CompanyRow): SampleCompanyView => ({
  id: r.id,
  name: r.name,
  taxId: r.tax_id,
  website: r.website,
  keys: { name: r.name_key, taxId: r.tax_key, domain: r.domain_key },
  prospectId: r.prospect_id,
  skippedReason: r.skipped_reason,
});

/** The SQL each sort field orders by; the id breaks ties, so pages never overlap. */
const SORT_SQL: Record<SampleSortField, string> = {
  title: 'lower(s.title)',
  productLine: '(SELECT lower(l.name) FROM product_line l WHERE l.id = s.product_line_id)',
  status: `CASE s.status WHEN 'draft' THEN 0 WHEN 'pending_approval' THEN 1 ELSE 2 END`,
  companyCount: 'company_count',
  updatedAt: 's.updated_at',
};

function orderBy(sort: SortOrder<SampleSortField> | undefined): string {
  if (!sort) return 's.updated_at DESC, s.id';
  const direction = sort.descending ? 'DESC' : 'ASC';
  return `${SORT_SQL[sort.field]} ${direction}, s.id ${direction}`;
}

const WITH_COUNT = `s.*, (SELECT count(*)::int FROM sample_company c WHERE c.sample_id = s.id) AS company_count`;

/** Samples a caller may see: owner all, sales head their unit, a salesperson the ones they wrote. */
export function visibleSamplesSql(principal: Principal, params: unknown[]): string {
  if (principal.roles.includes(Role.Owner)) return 'TRUE';
  const parts: string[] = [];
  if (principal.roles.includes(Role.SalesHead) && principal.unitId) {
    params.push(principal.unitId);
    parts.push(`s.unit_id = $${params.length}`);
  }
  if (principal.roles.includes(Role.Salesperson)) {
    params.push(principal.userId);
    parts.push(`s.author_id = $${params.length}`);
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

export interface SampleFilter {
  status?: SampleStatus;
  sort?: SortOrder<SampleSortField>;
  productLineId?: string;
  unitId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class SampleRepository {
  async insert(
    manager: EntityManager,
    s: { productLineId: string; unitId: string; authorId: string; title: string; rationale: string },
  ): Promise<SampleView> {
    const rows = await manager.query<Row[]>(
      `INSERT INTO target_sample (product_line_id, unit_id, author_id, title, rationale, status, contributor_ids)
       VALUES ($1, $2, $3, $4, $5, 'draft', ARRAY[$3::uuid]) RETURNING *`,
      [s.productLineId, s.unitId, s.authorId, s.title, s.rationale],
    );
    return toView(rows[0]);
  }

  async findById(manager: EntityManager, id: string, lock = false): Promise<SampleView | null> {
    if (lock) await manager.query('SELECT 1 FROM target_sample WHERE id = $1 FOR UPDATE', [id]);
    const rows = await manager.query<Row[]>(`SELECT ${WITH_COUNT} FROM target_sample s WHERE s.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async list(
    manager: EntityManager,
    principal: Principal,
    f: SampleFilter,
  ): Promise<{ items: SampleView[]; total: number }> {
    const params: unknown[] = [];
    const where = [visibleSamplesSql(principal, params)];
    for (const [column, value] of [
      ['status', f.status],
      ['product_line_id', f.productLineId],
      ['unit_id', f.unitId],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`s.${column} = $${params.length}`);
    }
    const clause = where.join(' AND ');
    const [{ total }] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM target_sample s WHERE ${clause}`,
      params,
    );
    const rows = await manager.query<Row[]>(
      `SELECT ${WITH_COUNT} FROM target_sample s WHERE ${clause} ORDER BY ${orderBy(f.sort)}
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return { items: rows.map(toView), total };
  }

  /** Bumps the version with every change; the caller holds the row lock and has checked the version. */
  async update(
    manager: EntityManager,
    id: string,
    changes: Partial<{
      title: string;
      rationale: string;
      status: SampleStatus;
      approvalRequestId: string | null;
      decisionComment: string | null;
      decidedBy: string | null;
      submittedAt: Date | null;
      decidedAt: Date | null;
    }>,
  ): Promise<void> {
    const columns: Record<string, string> = {
      title: 'title',
      rationale: 'rationale',
      status: 'status',
      approvalRequestId: 'approval_request_id',
      decisionComment: 'decision_comment',
      decidedBy: 'decided_by',
      submittedAt: 'submitted_at',
      decidedAt: 'decided_at',
    };
    const sets: string[] = ['version = version + 1', 'updated_at = now()'];
    const params: unknown[] = [id];
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${columns[key]} = $${params.length}`);
    }
    await manager.query(`UPDATE target_sample SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async addContributor(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE target_sample SET contributor_ids = array_append(contributor_ids, $2::uuid)
        WHERE id = $1 AND NOT ($2::uuid = ANY(contributor_ids))`,
      [id, userId],
    );
  }

  async companies(manager: EntityManager, sampleId: string): Promise<SampleCompanyView[]> {
    const rows = await manager.query<CompanyRow[]>(
      'SELECT * FROM sample_company WHERE sample_id = $1 ORDER BY created_at, id',
      [sampleId],
    );
    return rows.map(toCompany);
  }

  async addCompanies(
    manager: EntityManager,
    sampleId: string,
    companies: readonly AcceptedCompany[],
  ): Promise<SampleCompanyView[]> {
    const added: SampleCompanyView[] = [];
    for (const c of companies) {
      const rows = await manager.query<CompanyRow[]>(
        `INSERT INTO sample_company (sample_id, name, tax_id, website, name_key, tax_key, domain_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [sampleId, c.name, c.taxId, c.website, c.keys.name, c.keys.taxId, c.keys.domain],
      );
      added.push(toCompany(rows[0]));
    }
    return added;
  }

  async removeCompany(manager: EntityManager, sampleId: string, companyId: string): Promise<boolean> {
    const [, count] = await manager.query<[unknown[], number]>(
      'DELETE FROM sample_company WHERE sample_id = $1 AND id = $2',
      [sampleId, companyId],
    );
    return count > 0;
  }

  async markCompany(
    manager: EntityManager,
    companyId: string,
    result: { prospectId: string } | { skippedReason: string },
  ): Promise<void> {
    await manager.query('UPDATE sample_company SET prospect_id = $2, skipped_reason = $3 WHERE id = $1', [
      companyId,
      'prospectId' in result ? result.prospectId : null,
      'skippedReason' in result ? result.skippedReason : null,
    ]);
  }
}
