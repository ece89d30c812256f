import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AnalyticsPeriod,
  BRIEF_EXPOSURE_DAYS,
  BriefCusumPeriods,
  BriefStep,
  SalespersonBriefSeries,
} from '@dealgate/domain';
import { funnelCounts } from './funnel-counts';

export interface Salesperson {
  userId: string;
  unitId: string | null;
}

export interface NormFactRow {
  salespersonId: string;
  meetingsHeld: number;
  briefs: number;
  signedContracts: number;
}

export interface WindowFactRow {
  salespersonId: string;
  prospectsWorked: number;
  briefs: number;
  lastBriefAt: Date | null;
}

type CountRow = { owner: string; n: string };

/** Meetings held and briefs completed of one owner on one watched day (`day` ≥ 0) or over the baseline (-1). */
interface BriefDayRow {
  owner: string;
  day: number;
  meetings: number;
  briefs: number;
}

// The owner of each meeting's (brief's) prospect by primary key: a month holds a small share of them, and OFFSET 0
// keeps the planner from hashing every prospect of every listed owner instead (2-3x slower at 1M prospects).
const OWNER_OF_PROSPECT = (alias: string) =>
  `SELECT p.owner_id AS owner FROM prospect p WHERE p.id = ${alias}.prospect_id OFFSET 0`;

const byOwner = (rows: CountRow[]) => new Map(rows.map((r) => [r.owner, Number(r.n)]));

/**
 * Facts behind the norms and the early warnings, per salesperson. Meetings and briefs count for the
 * prospect's owner (the salesperson working it); signed contracts for the owner recorded on the log row.
 */
@Injectable()
export class FactsRepository {
  /** Active salespeople from the directory copy, narrowed to a unit or one person. */
  async salespeople(manager: EntityManager, unitId: string | null, userId: string | null): Promise<Salesperson[]> {
    const rows = await manager.query<{ user_id: string; unit_id: string | null }[]>(
      `SELECT user_id, unit_id FROM directory_user
       WHERE active AND 'salesperson' = ANY(roles) AND ($1::uuid IS NULL OR unit_id = $1) AND ($2::uuid IS NULL OR user_id = $2)
       ORDER BY user_id`,
      [unitId, userId],
    );
    return rows.map((r) => ({ userId: r.user_id, unitId: r.unit_id }));
  }

  async normFacts(manager: EntityManager, period: AnalyticsPeriod, owners: string[]): Promise<NormFactRow[]> {
    const args = [period.from, period.to, owners];
    const wonParams: unknown[] = [owners];
    const [meetings, briefs, won] = await Promise.all([
      manager.query<CountRow[]>(
        `SELECT o.owner, count(*) AS n FROM meeting m CROSS JOIN LATERAL (${OWNER_OF_PROSPECT('m')}) o
         WHERE m.status = 'held' AND m.held_at >= $1 AND m.held_at < $2 AND o.owner = ANY($3) GROUP BY 1`,
        args,
      ),
      manager.query<CountRow[]>(
        `SELECT o.owner, count(*) AS n FROM brief b CROSS JOIN LATERAL (${OWNER_OF_PROSPECT('b')}) o
         WHERE b.completed_at >= $1 AND b.completed_at < $2 AND o.owner = ANY($3) GROUP BY 1`,
        args,
      ),
      manager.query<CountRow[]>(
        `SELECT owner_key AS owner, sum(count) AS n FROM ${funnelCounts(period, wonParams)}
         WHERE measure = 'won' AND owner_key = ANY($1) GROUP BY 1`,
        wonParams,
      ),
    ]);
    const [m, b, w] = [byOwner(meetings), byOwner(briefs), byOwner(won)];
    return owners.map((id) => ({
      salespersonId: id,
      meetingsHeld: m.get(id) ?? 0,
      briefs: b.get(id) ?? 0,
      signedContracts: w.get(id) ?? 0,
    }));
  }

  /**
   * Prospects worked (a contact attempt by the salesperson, or a move of a prospect they own) and briefs filled
   * in the window, plus the last brief ever.
   */
  async windowFacts(manager: EntityManager, window: AnalyticsPeriod, owners: string[]): Promise<WindowFactRow[]> {
    const args = [window.from, window.to, owners];
    const [worked, briefs, last] = await Promise.all([
      manager.query<CountRow[]>(
        `SELECT owner, count(DISTINCT prospect_id) AS n FROM (
           SELECT actor_id AS owner, prospect_id FROM contact_attempt WHERE at >= $1 AND at < $2 AND actor_id = ANY($3)
           UNION ALL
           SELECT owner_id, prospect_id FROM stage_transition WHERE at >= $1 AND at < $2 AND owner_id = ANY($3)
         ) w GROUP BY owner`,
        args,
      ),
      manager.query<CountRow[]>(
        `SELECT o.owner, count(*) AS n FROM brief b CROSS JOIN LATERAL (${OWNER_OF_PROSPECT('b')}) o
         WHERE b.completed_at >= $1 AND b.completed_at < $2 AND o.owner = ANY($3) GROUP BY 1`,
        args,
      ),
      manager.query<{ owner: string; last: Date }[]>(
        `SELECT p.owner_id AS owner, max(b.completed_at) AS last FROM prospect p JOIN brief b ON b.prospect_id = p.id
         WHERE p.owner_id = ANY($1) AND b.completed_at IS NOT NULL GROUP BY 1`,
        [owners],
      ),
    ]);
    const [wk, br] = [byOwner(worked), byOwner(briefs)];
    const lastBy = new Map(last.map((r) => [r.owner, new Date(r.last)]));
    return owners.map((id) => ({
      salespersonId: id,
      prospectsWorked: wk.get(id) ?? 0,
      briefs: br.get(id) ?? 0,
      lastBriefAt: lastBy.get(id) ?? null,
    }));
  }

  /**
   * Meetings held and briefs completed per salesperson for the brief CUSUM: totals over the baseline, one step
   * per watched day (day i = `[watch.from + i days, + 1 day)`, so the days end at `now` as the rule's window does)
   * and one per day of the baseline's last `BRIEF_EXPOSURE_DAYS` − 1 (the lead-in of the meeting pace), in one query
   * for all of them. Both count for the prospect's owner, as the norms do.
   */
  async briefSeries(
    manager: EntityManager,
    periods: BriefCusumPeriods,
    windowDays: number,
    owners: string[],
  ): Promise<SalespersonBriefSeries[]> {
    const rows = await manager.query<BriefDayRow[]>(
      `WITH e AS (
         SELECT o.owner, m.held_at AS at, 1 AS meeting, 0 AS brief FROM meeting m
           CROSS JOIN LATERAL (${OWNER_OF_PROSPECT('m')}) o
         WHERE m.status = 'held' AND m.held_at >= $1 AND m.held_at < $3 AND o.owner = ANY($4)
         UNION ALL
         SELECT o.owner, b.completed_at, 0, 1 FROM brief b CROSS JOIN LATERAL (${OWNER_OF_PROSPECT('b')}) o
         WHERE b.completed_at >= $1 AND b.completed_at < $3 AND o.owner = ANY($4)
       )
       SELECT owner,
              floor(extract(epoch FROM at - $2::timestamptz) / 86400)::int AS day,
              sum(meeting)::int AS meetings, sum(brief)::int AS briefs
       FROM e GROUP BY 1, 2`,
      [periods.baseline.from, periods.watch.from, periods.watch.to, owners],
    );
    const byOwner = new Map(
      owners.map((id) => [
        id,
        {
          baselineMeetings: 0,
          baselineBriefs: 0,
          steps: Array.from({ length: windowDays }, (): BriefStep => ({ meetings: 0, briefs: 0 })),
          leadIn: Array.from({ length: BRIEF_EXPOSURE_DAYS - 1 }, (): BriefStep => ({ meetings: 0, briefs: 0 })),
        },
      ]),
    );
    for (const r of rows) {
      const s = byOwner.get(r.owner)!;
      const step = { meetings: r.meetings, briefs: r.briefs };
      if (r.day >= 0) s.steps[r.day] = step;
      else {
        s.baselineMeetings += r.meetings;
        s.baselineBriefs += r.briefs;
        // The baseline's last days also give the meeting pace of the first watched days (day −1 is the last).
        if (r.day >= -s.leadIn.length) s.leadIn[s.leadIn.length + r.day] = step;
      }
    }
    return owners.map((id) => ({ salespersonId: id, windowDays, ...byOwner.get(id)! }));
  }
}
