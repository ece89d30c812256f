import type { Response } from 'express';
import { AnalyticsCsvColumn, CohortRow, COHORT_LATER_STAGES, LabelLanguage, analyticsToCsv } from '@dealgate/domain';
import { ReportFormat } from './analytics.dto';
import type { FlaggedSalesperson } from './early-warning.service';
import type { NormReportLine } from './norms.service';
import type { FunnelReport, StalledProspect, TimeInStageLine } from './report.service';

/**
 * Answers JSON, or with `format=csv` the rows as text/csv through the domain CSV writer (RFC 4180, cells that a
 * spreadsheet would run as a formula neutralised). The CSV is returned as the body (Nest sends it once), only the
 * headers are set here.
 */
export function reply<T, Row>(
  res: Response,
  format: ReportFormat | undefined,
  name: string,
  report: T,
  columns: readonly AnalyticsCsvColumn<Row>[],
  rows: (report: T) => readonly Row[],
): T | string {
  if (format !== 'csv') return report;
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
  return analyticsToCsv(columns, rows(report));
}

export interface FunnelCsvRow {
  section: 'reached' | 'lost' | 'won';
  stage: string;
  reason: string;
  count: number;
  rate: number | null;
  /** The reason's label in the reader's language ('' where there is no reason). */
  reasonLabel: string;
}

export const FUNNEL_CSV: AnalyticsCsvColumn<FunnelCsvRow>[] = [
  { header: 'section', value: (r) => r.section },
  { header: 'stage', value: (r) => r.stage },
  { header: 'reason', value: (r) => r.reason },
  { header: 'count', value: (r) => r.count },
  { header: 'rate', value: (r) => r.rate },
  // Added after the first four: a sheet that reads columns by position still finds them.
  { header: 'reason_label', value: (r) => r.reasonLabel },
];

/**
 * Reached per stage (rate = conversion to the next), lost per stage and reason (rate = lost per reached), won; the
 * reasons labelled in the reader's language.
 */
export function funnelCsvRows(report: FunnelReport, language: LabelLanguage): FunnelCsvRow[] {
  const reached = report.stages.map((s) => ({
    section: 'reached' as const,
    stage: s.stage,
    reason: '',
    count: s.reached,
    rate: s.conversionToNext,
    reasonLabel: '',
  }));
  const lost = report.lostByReason.flatMap((l) =>
    report.stages
      .filter((s) => l.byStage[s.stage] > 0)
      .map((s) => ({
        section: 'lost' as const,
        stage: s.stage,
        reason: l.reason,
        count: l.byStage[s.stage],
        rate: s.reached === 0 ? null : l.byStage[s.stage] / s.reached,
        reasonLabel: l.labels[language],
      })),
  );
  return [
    ...reached,
    ...lost,
    { section: 'won', stage: 'contract', reason: '', count: report.won, rate: null, reasonLabel: '' },
  ];
}

export const COHORT_CSV: AnalyticsCsvColumn<CohortRow>[] = [
  { header: 'cohort_month', value: (r) => r.cohortMonth },
  { header: 'entered', value: (r) => r.entered },
  ...COHORT_LATER_STAGES.flatMap((stage) => [
    { header: `reached_${stage}`, value: (r: CohortRow) => r.reached[stage] ?? 0 },
    { header: `rate_${stage}`, value: (r: CohortRow) => r.rates[stage] ?? null },
  ]),
];

export const TIME_IN_STAGE_CSV: AnalyticsCsvColumn<TimeInStageLine>[] = [
  { header: 'product_line_id', value: (r) => r.productLineId },
  { header: 'product_line', value: (r) => r.productLineName },
  { header: 'stage', value: (r) => r.stage },
  { header: 'limit_days', value: (r) => r.limitDays },
  { header: 'stays', value: (r) => r.count },
  { header: 'median_days', value: (r) => r.medianDays },
  { header: 'p90_days', value: (r) => r.p90Days },
];

export const STALLED_CSV: AnalyticsCsvColumn<StalledProspect>[] = [
  { header: 'prospect_id', value: (r) => r.prospectId },
  { header: 'company', value: (r) => r.companyName },
  { header: 'owner_id', value: (r) => r.ownerId },
  { header: 'unit_id', value: (r) => r.unitId },
  { header: 'stage', value: (r) => r.stage },
  { header: 'entered_at', value: (r) => r.enteredAt },
  { header: 'limit_days', value: (r) => r.limitDays },
  { header: 'days_in_stage', value: (r) => r.daysInStage },
  { header: 'days_over', value: (r) => r.daysOver },
];

export const NORM_CSV: AnalyticsCsvColumn<NormReportLine>[] = [
  { header: 'salesperson_id', value: (r) => r.salespersonId },
  { header: 'unit_id', value: (r) => r.unitId },
  { header: 'month', value: (r) => r.month },
  { header: 'norm', value: (r) => r.norm },
  { header: 'value', value: (r) => r.value },
  { header: 'min', value: (r) => r.min },
  { header: 'max', value: (r) => r.max },
  { header: 'status', value: (r) => r.status },
  { header: 'breach', value: (r) => r.breach },
];

export const WARNING_CSV: AnalyticsCsvColumn<FlaggedSalesperson>[] = [
  { header: 'salesperson_id', value: (r) => r.salespersonId },
  { header: 'unit_id', value: (r) => r.unitId },
  { header: 'rule', value: (r) => r.ruleId },
  { header: 'window_from', value: (r) => r.evidence.window.from },
  { header: 'window_to', value: (r) => r.evidence.window.to },
  { header: 'prospects_worked', value: (r) => r.evidence.prospectsWorked },
  { header: 'briefs', value: (r) => r.evidence.briefs },
  { header: 'last_brief_at', value: (r) => r.evidence.lastBriefAt },
  { header: 'days_since_last_brief', value: (r) => r.evidence.daysSinceLastBrief },
  { header: 'reason', value: (r) => r.reason },
];
