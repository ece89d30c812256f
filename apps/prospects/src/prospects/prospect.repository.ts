import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CompanyKeys, ProspectState } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { TimeIdCursor, cursorTimeSql } from '@dealgate/common';
import { FunnelEventFilter, funnelEventSql } from './funnel-event-filter';
import { hydrateRows } from '@dealgate/database';
import { ProspectEntity } from './prospect.entity';
import { Prospect, toProspect } from './prospect.model';
import { visibleProspectsSql } from './prospect-visibility.sql';

export interface NewProspect {
  sampleId: string;
  productLineId: string;
  unitId: string;
  companyName: string;
  taxId: string | null;
  website: string | null;
  keys: CompanyKeys;
  state: ProspectState;
  /** The salesperson it starts with (the sample's author when they may own it), or null until a head assigns. */
  ownerId: string | null;
  at: Date;
}

export interface ProspectFilter extends FunnelEventFilter {
  stage?: string;
  status?: string;
  ownerId?: string;
  unitId?: string;
  productLineId?: string;
  sampleId?: string;
  unassigned?: boolean;
  q?: string;
  limit: number;
  offset: number;
  /** Keyset paging: the rows after this one in the list's order (then `offset` is 0). */
  after?: TimeIdCursor;
}

export interface ProspectList {
  items: Prospect[];
  total: number;
  /** The position of this page's last row when more rows follow it, else null. */
  next: TimeIdCursor | null;
}

const rawRows = (raw: unknown) => raw as Record<string, unknown>[];

/**
 * Prospects. Entities stay in here: callers get Prospect views. Single rows go through the entity manager and query
 * builder (the version in the where is the compare-and-set); the visible, keyset-paged list stays SQL, its rows
 * hydrated into entities.
 */
@Injectable()
export class ProspectRepository {
  async insert(manager: EntityManager, p: NewProspect): Promise<Prospect> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ProspectEntity)
      .values({
        sampleId: p.sampleId,
        productLineId: p.productLineId,
        unitId: p.unitId,
        companyName: p.companyName,
        taxId: p.taxId,
        website: p.website,
        nameKey: p.keys.name,
        taxKey: p.keys.taxId,
        domainKey: p.keys.domain,
        stage: p.state.stage,
        status: p.state.status,
        approvedOfferId: p.state.approvedOfferId,
        stageEnteredAt: p.at,
        createdAt: p.at,
        updatedAt: p.at,
        ownerId: p.ownerId,
      })
      .returning('*')
      .updateEntity(false)
      .execute();
    return toProspect(hydrateRows(manager, ProspectEntity, rawRows(result.raw))[0]);
  }

  /** With `lock`, holds the row until the transaction ends, so moves of one prospect are serialised. */
  async findById(manager: EntityManager, id: string, lock = false): Promise<Prospect | null> {
    const query = manager.createQueryBuilder(ProspectEntity, 'p').where({ id });
    if (lock) query.setLock('pessimistic_write');
    const entity = await query.getOne();
    return entity === null ? null : toProspect(entity);
  }

  /** Writes the stage machine's new state; null when the version moved on (a concurrent write won). */
  async updateState(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    state: ProspectState,
    stageEnteredAt: Date,
    at: Date,
  ): Promise<Prospect | null> {
    return this.updateVersioned(manager, id, expectedVersion, {
      stage: state.stage,
      status: state.status,
      approvedOfferId: state.approvedOfferId,
      lostReasonCode: state.lostReason?.code ?? null,
      lostReasonNote: state.lostReason?.note ?? null,
      stageEnteredAt,
      updatedAt: at,
    });
  }

  async assignOwner(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    ownerId: string,
    at: Date,
  ): Promise<Prospect | null> {
    return this.updateVersioned(manager, id, expectedVersion, { ownerId, updatedAt: at });
  }

  private async updateVersioned(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    changes: Partial<Omit<ProspectEntity, 'id' | 'version'>>,
  ): Promise<Prospect | null> {
    const result = await manager
      .createQueryBuilder()
      .update(ProspectEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where({ id, version: expectedVersion })
      .returning('*')
      .execute();
    const [entity] = hydrateRows(manager, ProspectEntity, rawRows(result.raw));
    return entity === undefined ? null : toProspect(entity);
  }

  /** Existing prospects sharing any key with the candidates: the duplicates a sample must not bring in again. */
  async withAnyKey(manager: EntityManager, keys: readonly CompanyKeys[]): Promise<{ id: string; keys: CompanyKeys }[]> {
    const pick = (k: keyof CompanyKeys) => keys.map((key) => key[k]).filter((v): v is string => v !== null);
    const entities = await manager
      .createQueryBuilder(ProspectEntity, 'p')
      .select(['p.id', 'p.nameKey', 'p.taxKey', 'p.domainKey'])
      .where('p.tax_key = ANY(:taxKeys)', { taxKeys: pick('taxId') })
      .orWhere('p.domain_key = ANY(:domainKeys)', { domainKeys: pick('domain') })
      .orWhere('p.name_key = ANY(:nameKeys)', { nameKeys: pick('name') })
      .getMany();
    return entities.map((e) => ({ id: e.id, keys: { name: e.nameKey, taxId: e.taxKey, domain: e.domainKey } }));
  }

  /**
   * A page in the list's order, newest change first (`updated_at DESC, id`), which the `prospect_list_*` indexes
   * hold per visibility scope: the page is read from the index and stops after `limit + 1` rows (the extra one
   * says whether a next page exists), and `after` starts it where the previous page ended. The total is its own
   * count (an index-only scan for a salesperson's or a unit's rows), run beside the page on another connection.
   */
  async list(manager: EntityManager, principal: Principal, f: ProspectFilter): Promise<ProspectList> {
    const params: unknown[] = [];
    const where = [visibleProspectsSql(principal, params)];
    const eq = (column: string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      where.push(`p.${column} = $${params.length}`);
    };
    eq('stage', f.stage);
    eq('status', f.status);
    eq('owner_id', f.ownerId);
    eq('unit_id', f.unitId);
    eq('product_line_id', f.productLineId);
    eq('sample_id', f.sampleId);
    if (f.unassigned) where.push('p.owner_id IS NULL');
    if (f.q) {
      params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`p.company_name ILIKE $${params.length}`);
    }
    const event = funnelEventSql(f, params);
    if (event) where.push(event);
    const clause = where.join(' AND ');
    const pageParams = [...params];
    let keyset = '';
    if (f.after) {
      pageParams.push(f.after.at, f.after.id);
      const at = `$${pageParams.length - 1}::timestamptz`;
      // `<=` bounds the index range; the OR then drops the rows of the same instant up to the cursor's id.
      keyset = ` AND p.updated_at <= ${at} AND (p.updated_at < ${at} OR p.id > $${pageParams.length}::uuid)`;
    }
    pageParams.push(f.limit + 1, f.after ? 0 : f.offset);
    const [[{ total }], rows] = await Promise.all([
      manager.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM prospect p WHERE ${clause}`, params),
      manager.query<(Record<string, unknown> & { id: string; cursor_at: string })[]>(
        `SELECT p.*, ${cursorTimeSql('p.updated_at')} AS cursor_at FROM prospect p WHERE ${clause}${keyset}
          ORDER BY p.updated_at DESC, p.id LIMIT $${pageParams.length - 1} OFFSET $${pageParams.length}`,
        pageParams,
      ),
    ]);
    const page = rows.slice(0, f.limit);
    const last = page[page.length - 1];
    return {
      items: hydrateRows(manager, ProspectEntity, page).map(toProspect),
      total,
      next: rows.length > f.limit ? { at: last.cursor_at, id: last.id } : null,
    };
  }
}
