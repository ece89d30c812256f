import { Stage } from '@dealgate/domain';

/** The prospects behind a funnel figure: what `GET /api/prospects` narrows to with `funnelEvent`. */
export interface FunnelEventFilter {
  funnelEvent?: 'reached' | 'lost' | 'won';
  funnelStage?: string;
  lostReason?: string;
  salespersonId?: string;
  from?: string;
  to?: string;
}

const startOfDay = (day: string) => `${day}T00:00:00Z`;

/**
 * A condition on the prospect `p` that holds when it is counted in the funnel figure the filter names, with the
 * analytics definitions (apps/prospects/src/analytics/README.md): `reached` = its first entry into the stage fell
 * in the period (sampling: the sample approval), credited to the salesperson who worked the stage when it was
 * entered unassigned; `lost` / `won` = the move to that status in the period, at that stage and reason. Appends its
 * values to `params`; `null` when no event is asked for.
 */
export function funnelEventSql(f: FunnelEventFilter, params: unknown[]): string | null {
  if (!f.funnelEvent || !f.from || !f.to) return null;
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const from = p(startOfDay(f.from));
  const to = p(startOfDay(f.to));
  if (f.funnelEvent === 'reached') {
    if (!f.funnelStage) return null;
    const stage = p(f.funnelStage);
    const credited = f.salespersonId
      ? `AND COALESCE(e.owner_id, CASE WHEN ${stage} <> '${Stage.Sampling}' THEN (SELECT w.owner_id FROM stage_transition w
           WHERE w.prospect_id = p.id AND w.from_stage = ${stage} AND w.id > e.id AND w.owner_id IS NOT NULL
             AND (w.from_stage <> w.to_stage OR w.from_status <> w.to_status) ORDER BY w.id LIMIT 1) END) = ${p(f.salespersonId)}`
      : '';
    return `EXISTS (SELECT 1 FROM (SELECT t.id, t.at, t.owner_id FROM stage_transition t
        WHERE t.prospect_id = p.id AND t.from_stage <> t.to_stage
          AND (t.to_stage = ${stage} OR (${stage} = '${Stage.Sampling}' AND t.from_stage = '${Stage.Sampling}'))
        ORDER BY t.id LIMIT 1) e
      WHERE e.at >= ${from}::timestamptz AND e.at < ${to}::timestamptz ${credited})`;
  }
  const status = p(f.funnelEvent);
  const extra = [
    f.funnelStage ? `AND t.to_stage = ${p(f.funnelStage)}` : '',
    f.lostReason ? `AND COALESCE(t.lost_reason_code, 'unknown') = ${p(f.lostReason)}` : '',
    f.salespersonId ? `AND t.owner_id = ${p(f.salespersonId)}` : '',
  ].join(' ');
  return `EXISTS (SELECT 1 FROM stage_transition t WHERE t.prospect_id = p.id
      AND t.to_status = ${status} AND t.from_status <> ${status}
      AND t.at >= ${from}::timestamptz AND t.at < ${to}::timestamptz ${extra})`;
}
