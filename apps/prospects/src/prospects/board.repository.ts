import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ProspectStatus, Stage, STAGE_ORDER } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { overStageLimitSql } from '../shared/stage-limit.sql';
import { visibleProspectsSql } from './prospect-visibility.sql';

export interface BoardFilter {
  productLineId?: string;
  unitId?: string;
  ownerId?: string;
  stalled?: boolean;
  q?: string;
}

/** One card's row: the prospect with its product line's limit for its stage. */
export interface BoardRow {
  id: string;
  sampleId: string;
  companyName: string;
  stage: Stage;
  status: ProspectStatus;
  ownerId: string | null;
  productLineId: string;
  stageEnteredAt: Date;
  stageLimitDays: number | null;
  version: number;
}

// The product line's limit for the prospect's stage (null when the line sets none).
export const STAGE_LIMIT = `(pl.stage_limit_days ->> p.stage)::int`;

/** Stalled (`stageTime(...).overLimit` of libs/domain) in SQL, so the board counts and filters the whole set. */
export function stalledSql(nowParam: string): string {
  return overStageLimitSql('p.stage_entered_at', STAGE_LIMIT, nowParam);
}

const CARD_COLUMNS = `p.id, p.sample_id AS "sampleId", p.company_name AS "companyName", p.stage, p.status,
  p.owner_id AS "ownerId", p.product_line_id AS "productLineId", p.stage_entered_at AS "stageEnteredAt",
  ${STAGE_LIMIT} AS "stageLimitDays", p.version`;

/** The caller's active prospects per stage: counts over the whole filtered set and the first cards of each column. */
@Injectable()
export class BoardRepository {
  async board(
    manager: EntityManager,
    principal: Principal,
    f: BoardFilter,
    now: Date,
    limitPerStage: number,
  ): Promise<{ counts: Map<Stage, number>; rows: BoardRow[] }> {
    const params: unknown[] = [];
    const clause = boardWhere(principal, f, now, params);
    const from = 'prospect p JOIN product_line pl ON pl.id = p.product_line_id';
    const counts = await manager.query<{ stage: Stage; count: number }[]>(
      `SELECT p.stage, count(*)::int AS count FROM ${from} WHERE ${clause} GROUP BY p.stage`,
      params,
    );
    // One index range per stage (see the board indexes migration), whatever the size of the set.
    const rows = await manager.query<BoardRow[]>(
      `SELECT c.* FROM unnest($${params.length + 1}::text[]) WITH ORDINALITY AS s(stage, position)
       CROSS JOIN LATERAL (
         SELECT ${CARD_COLUMNS} FROM ${from}
          WHERE p.stage = s.stage AND ${clause}
          ORDER BY p.stage_entered_at, p.id LIMIT $${params.length + 2}
       ) c ORDER BY s.position`,
      [...params, STAGE_ORDER, limitPerStage],
    );
    return { counts: new Map(counts.map((c) => [c.stage, c.count])), rows };
  }
}

function boardWhere(principal: Principal, f: BoardFilter, now: Date, params: unknown[]): string {
  const where = [visibleProspectsSql(principal, params), `p.status = '${ProspectStatus.Active}'`];
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`p.${column} = $${params.length}`);
  };
  eq('product_line_id', f.productLineId);
  eq('unit_id', f.unitId);
  eq('owner_id', f.ownerId);
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`p.company_name ILIKE $${params.length}`);
  }
  if (f.stalled !== undefined) {
    params.push(now);
    const stalled = stalledSql(`$${params.length}::timestamptz`);
    where.push(f.stalled ? stalled : `NOT COALESCE(${stalled}, false)`);
  }
  return where.join(' AND ');
}
