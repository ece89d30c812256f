import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AnalyticsError,
  AnalyticsErrorCode,
  ContractDueReport,
  ForecastProductLine,
  LogEvent,
  AnalyticsStage,
  assertAnalyticsStage,
} from '@dealgate/domain';
import { AnalyticsScope } from './analytics-scope';
import { scopeWhere } from './report.repository';

interface EventRow {
  prospect_id: string;
  from_stage: string;
  to_stage: string;
  to_status: string;
  at: Date;
  product_line_id: string;
  unit_id: string;
  owner_id: string | null;
  value_minor: string | null;
  currency: string | null;
}

export interface ForecastLog {
  readonly events: LogEvent[];
  /** Currencies of the approved offers whose totals the log carries. */
  readonly currencies: string[];
  /** Contracts' reports of when the tasks signing waits for are due, received before the same time, oldest first. */
  readonly contractDue: ContractDueReport[];
}

const STATUSES = new Set(['active', 'won', 'lost']);

/** Planned arrivals at a stage for one salesperson in one month (all their plan rows for it, summed). */
export interface PlannedArrivals {
  readonly period: string;
  readonly salespersonId: string;
  readonly unitId: string;
  readonly stage: AnalyticsStage;
  readonly count: number;
}

/**
 * Reads of the stage-transition log, contracts' due-date reports, plans and product lines in the shape the forecast
 * lib takes.
 */
@Injectable()
export class ForecastRepository {
  /**
   * The log before `before` in log order. A move recorded with no owner (a head's sample, assigned later) counts for
   * the prospect's current owner; an approved offer's move carries the offer's total.
   */
  async log(manager: EntityManager, before: Date): Promise<ForecastLog> {
    const rows = await manager.query<EventRow[]>(
      `SELECT st.prospect_id, st.from_stage, st.to_stage, st.to_status, st.at, st.product_line_id, st.unit_id,
              COALESCE(st.owner_id, p.owner_id) AS owner_id, o.total_minor AS value_minor, o.currency
       FROM stage_transition st
       JOIN prospect p ON p.id = st.prospect_id
       LEFT JOIN offer o ON st.event_kind = 'offer_approved' AND st.evidence_kind = 'offer' AND o.id = st.evidence_id
       WHERE st.at < $1
       ORDER BY st.at, st.id`,
      [before],
    );
    const currencies = new Set<string>();
    const events = rows.map((r): LogEvent => {
      assertAnalyticsStage(r.from_stage);
      assertAnalyticsStage(r.to_stage);
      if (!STATUSES.has(r.to_status)) {
        throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, `"${r.to_status}" is not a prospect status.`, {
          status: r.to_status,
        });
      }
      if (r.currency) currencies.add(r.currency);
      return {
        prospectId: r.prospect_id,
        fromStage: r.from_stage,
        toStage: r.to_stage,
        toStatus: r.to_status as LogEvent['toStatus'],
        at: new Date(r.at),
        productLineId: r.product_line_id,
        unitId: r.unit_id,
        ownerId: r.owner_id,
        valueMinor: r.value_minor === null ? null : Number(r.value_minor),
      };
    });
    const due = await manager.query<
      { prospect_id: string; due_at: Date | null; reported_at: Date; sequence: string }[]
    >(
      `SELECT prospect_id, due_at, reported_at, sequence FROM contract_tasks_due
       WHERE reported_at < $1 ORDER BY sequence`,
      [before],
    );
    const contractDue = due.map((r): ContractDueReport => ({
      prospectId: r.prospect_id,
      dueAt: r.due_at === null ? null : new Date(r.due_at),
      reportedAt: new Date(r.reported_at),
      sequence: Number(r.sequence),
    }));
    return { events, currencies: [...currencies].sort(), contractDue };
  }

  /**
   * One report of `contract.tasks_due`. Kept beside the older ones (the forecast reads the newest before its as-of
   * time), so a late older report changes nothing; the same report again adds nothing.
   */
  async recordContractDue(
    manager: EntityManager,
    r: ContractDueReport & { caseId: string; openTasks: number },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO contract_tasks_due (prospect_id, sequence, case_id, due_at, open_tasks, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (prospect_id, sequence) DO NOTHING`,
      [r.prospectId, r.sequence, r.caseId, r.dueAt, r.openTasks, r.reportedAt],
    );
  }

  /** Every product line, retired ones too: the history still holds their deals. */
  async productLines(manager: EntityManager): Promise<ForecastProductLine[]> {
    const rows = await manager.query<{ id: string; cycle_min_days: number; cycle_max_days: number }[]>(
      'SELECT id, cycle_min_days, cycle_max_days FROM product_line ORDER BY id',
    );
    return rows.map((r) => ({ id: r.id, cycleMinDays: r.cycle_min_days, cycleMaxDays: r.cycle_max_days }));
  }

  async companyNames(manager: EntityManager, prospectIds: string[]): Promise<Map<string, string>> {
    if (prospectIds.length === 0) return new Map();
    const rows = await manager.query<{ id: string; company_name: string }[]>(
      'SELECT id, company_name FROM prospect WHERE id = ANY($1::uuid[])',
      [prospectIds],
    );
    return new Map(rows.map((r) => [r.id, r.company_name]));
  }

  /** The plans people entered for the months `from`..`to` (YYYY-MM) within the scope, per month, person and stage. */
  async plans(
    manager: EntityManager,
    months: { from: string; to: string },
    scope: AnalyticsScope,
  ): Promise<PlannedArrivals[]> {
    const params: unknown[] = [months.from, months.to];
    const where = scopeWhere(
      scope,
      { unit: 'unit_id', owner: 'salesperson_id', productLine: 'product_line_key' },
      params,
    );
    const rows = await manager.query<
      { period: string; salesperson_id: string; unit_id: string; stage: string; count: string }[]
    >(
      `SELECT period, salesperson_id, unit_id, stage, sum(count)::bigint AS count FROM sales_plan
       WHERE period >= $1 AND period <= $2 ${where}
       GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      params,
    );
    return rows.map((r) => {
      assertAnalyticsStage(r.stage);
      return {
        period: r.period,
        salespersonId: r.salesperson_id,
        unitId: r.unit_id,
        stage: r.stage,
        count: Number(r.count),
      };
    });
  }
}
