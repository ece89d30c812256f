import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CompanyKeys, ProspectState } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { TimeIdCursor, cursorTimeSql } from '@dealgate/common';
import { FunnelEventFilter, funnelEventSql } from './funnel-event-filter';
import { Prospect, ProspectRow, toProspect } from './prospect.model';
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

@Injectable()
export class ProspectRepository {
  async insert(manager: EntityManager, p: NewProspect): Promise<Prospect> {
    const rows = await manager.query<ProspectRow[]>(
      `INSERT INTO prospect (sample_id, product_line_id, unit_id, company_name, tax_id, website, name_key, tax_key, domain_key,
         stage, status, approved_offer_id, stage_entered_at, created_at, updated_at, owner_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $13, $14) RETURNING *`,
      [
        p.sampleId,
        p.productLineId,
        p.unitId,
        p.companyName,
        p.taxId,
        p.website,
        p.keys.name,
        p.keys.taxId,
        p.keys.domain,
        p.state.stage,
        p.state.status,
        p.state.approvedOfferId,
        p.at,
        p.ownerId,
      ],
    );
    return toProspect(rows[0]);
  }

  /** With `lock`, holds the row until the transaction ends, so moves of one prospect are serialised. */
  async findById(manager: EntityManager, id: string, lock = false): Promise<Prospect | null> {
    const rows = await manager.query<ProspectRow[]>(
      `SELECT * FROM prospect WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toProspect(rows[0]) : null;
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
    const [rows] = await manager.query<[ProspectRow[], number]>(
      `UPDATE prospect SET stage = $3, status = $4, approved_offer_id = $5, lost_reason_code = $6, lost_reason_note = $7,
         stage_entered_at = $8, updated_at = $9, version = version + 1
       WHERE id = $1 AND version = $2 RETURNING *`,
      [
        id,
        expectedVersion,
        state.stage,
        state.status,
        state.approvedOfferId,
        state.lostReason?.code ?? null,
        state.lostReason?.note ?? null,
        stageEnteredAt,
        at,
      ],
    );
    return rows[0] ? toProspect(rows[0]) : null;
  }

  async assignOwner(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    ownerId: string,
    at: Date,
  ): Promise<Prospect | null> {
    const [rows] = await manager.query<[ProspectRow[], number]>(
      `UPDATE prospect SET owner_id = $3, updated_at = $4, version = version + 1 WHERE id = $1 AND version = $2 RETURNING *`,
      [id, expectedVersion, ownerId, at],
    );
    return rows[0] ? toProspect(rows[0]) : null;
  }

  /** Existing prospects sharing any key with the candidates: the duplicates a sample must not bring in again. */
  async withAnyKey(manager: EntityManager, keys: readonly CompanyKeys[]): Promise<{ id: string; keys: CompanyKeys }[]> {
    const pick = (k: keyof CompanyKeys) => keys.map((key) => key[k]).filter((v): v is string => v !== null);
    const rows = await manager.query<
      { id: string; name_key: string | null; tax_key: string | null; domain_key: string | null }[]
    >(
      `SELECT id, name_key, tax_key, domain_key FROM prospect
        WHERE tax_key = ANY($1::text[]) OR domain_key = ANY($2::text[]) OR name_key = ANY($3::text[])`,
      [pick('taxId'), pick('domain'), pick('name')],
    );
    return rows.map((r) => ({ id: r.id, keys: { name: r.name_key, taxId: r.tax_key, domain: r.domain_key } }));
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
      manager.query<(ProspectRow & { cursor_at: string })[]>(
        `SELECT p.*, ${cursorTimeSql('p.updated_at')} AS cursor_at FROM prospect p WHERE ${clause}${keyset}
          ORDER BY p.updated_at DESC, p.id LIMIT $${pageParams.length - 1} OFFSET $${pageParams.length}`,
        pageParams,
      ),
    ]);
    const page = rows.slice(0, f.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toProspect),
      total,
      next: rows.length > f.limit ? { at: last.cursor_at, id: last.id } : null,
    };
  }
}
