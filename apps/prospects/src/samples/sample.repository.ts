import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AcceptedCompany, Role } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { SortOrder } from '@dealgate/common';
import { hydrateRows } from '@dealgate/database';
import { SampleSortField } from './sample.dto';
import { SampleCompanyEntity } from './sample-company.entity';
import { TargetSampleEntity } from './sample.entity';
import { SampleStatus, SampleView, SampleCompanyView } from './sample.view';
export { SampleStatus, SampleView, SampleCompanyView };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toView = (e: TargetSampleEntity, companyCount: number): SampleView => ({
  id: e.id,
  productLineId: e.productLineId,
  unitId: e.unitId,
  authorId: e.authorId,
  contributorIds: e.contributorIds,
  title: e.title,
  rationale: e.rationale,
  status: e.status,
  approvalRequestId: e.approvalRequestId,
  decisionComment: e.decisionComment,
  decidedBy: e.decidedBy,
  submittedAt: iso(e.submittedAt),
  decidedAt: iso(e.decidedAt),
  version: e.version,
  companyCount,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

const toCompany = (e: SampleCompanyEntity): SampleCompanyView => ({
  id: e.id,
  name: e.name,
  taxId: e.taxId,
  website: e.website,
  keys: { name: e.nameKey, taxId: e.taxKey, domain: e.domainKey },
  prospectId: e.prospectId,
  skippedReason: e.skippedReason,
});

const rawRows = (raw: unknown) => raw as Record<string, unknown>[];

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

/**
 * Target samples and their company lists. Entities stay in here: callers get views. Single rows go through the entity
 * manager and query builder; the visible list stays SQL (the visibility fragment and the sort expressions), its rows
 * hydrated into entities.
 */
@Injectable()
export class SampleRepository {
  async insert(
    manager: EntityManager,
    s: { productLineId: string; unitId: string; authorId: string; title: string; rationale: string },
  ): Promise<SampleView> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(TargetSampleEntity)
      .values({
        productLineId: s.productLineId,
        unitId: s.unitId,
        authorId: s.authorId,
        title: s.title,
        rationale: s.rationale,
        status: 'draft',
        contributorIds: [s.authorId],
      })
      .returning('*')
      .updateEntity(false)
      .execute();
    return toView(hydrateRows(manager, TargetSampleEntity, rawRows(result.raw))[0], 0);
  }

  async findById(manager: EntityManager, id: string, lock = false): Promise<SampleView | null> {
    const query = manager.createQueryBuilder(TargetSampleEntity, 's').where({ id });
    if (lock) query.setLock('pessimistic_write');
    const entity = await query.getOne();
    if (entity === null) return null;
    return toView(entity, await manager.countBy(SampleCompanyEntity, { sampleId: id }));
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
    const rows = await manager.query<(Record<string, unknown> & { company_count: number })[]>(
      `SELECT ${WITH_COUNT} FROM target_sample s WHERE ${clause} ORDER BY ${orderBy(f.sort)}
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    const entities = hydrateRows(manager, TargetSampleEntity, rows);
    return { items: entities.map((e, i) => toView(e, rows[i].company_count)), total };
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
    // A key given as undefined is left alone, as the caller means it.
    const given = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    ) as typeof changes;
    await manager
      .createQueryBuilder()
      .update(TargetSampleEntity)
      .set({ ...given, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where({ id })
      .execute();
  }

  async addContributor(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(TargetSampleEntity)
      .set({ contributorIds: () => 'array_append(contributor_ids, CAST(:userId AS uuid))' })
      .where({ id })
      .andWhere('NOT (CAST(:userId AS uuid) = ANY(contributor_ids))', { userId })
      .execute();
  }

  async companies(manager: EntityManager, sampleId: string): Promise<SampleCompanyView[]> {
    const entities = await manager.find(SampleCompanyEntity, {
      where: { sampleId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return entities.map(toCompany);
  }

  async addCompanies(
    manager: EntityManager,
    sampleId: string,
    companies: readonly AcceptedCompany[],
  ): Promise<SampleCompanyView[]> {
    const added: SampleCompanyView[] = [];
    for (const c of companies) {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(SampleCompanyEntity)
        .values({
          sampleId,
          name: c.name,
          taxId: c.taxId,
          website: c.website,
          nameKey: c.keys.name,
          taxKey: c.keys.taxId,
          domainKey: c.keys.domain,
        })
        .returning('*')
        .updateEntity(false)
        .execute();
      added.push(toCompany(hydrateRows(manager, SampleCompanyEntity, rawRows(result.raw))[0]));
    }
    return added;
  }

  async removeCompany(manager: EntityManager, sampleId: string, companyId: string): Promise<boolean> {
    const result = await manager.delete(SampleCompanyEntity, { sampleId, id: companyId });
    return (result.affected ?? 0) > 0;
  }

  async markCompany(
    manager: EntityManager,
    companyId: string,
    result: { prospectId: string } | { skippedReason: string },
  ): Promise<void> {
    await manager.update(
      SampleCompanyEntity,
      { id: companyId },
      {
        prospectId: 'prospectId' in result ? result.prospectId : null,
        skippedReason: 'skippedReason' in result ? result.skippedReason : null,
      },
    );
  }
}
