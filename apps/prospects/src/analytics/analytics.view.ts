import { ApiProperty } from '@nestjs/swagger';
import { AnalyticsStage, NormStatus, SalesNormId } from '@dealgate/domain';
import { LostReasonLabelsView } from '../lost-reasons/lost-reason.view';

const COUNTS_BY_STAGE = { type: 'object', additionalProperties: { type: 'number' } } as const;
const RATES_BY_STAGE = { type: 'object', additionalProperties: { type: 'number', nullable: true } } as const;

export class PeriodView {
  @ApiProperty({ format: 'date' })
  from!: string;
  @ApiProperty({ format: 'date', description: 'excluded' })
  to!: string;
}

/** Whose figures these are: null means all the caller may see. */
export class AnalyticsScopeView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  salespersonId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  productLineId!: string | null;
}

export class FunnelStageSummaryView {
  stage!: AnalyticsStage;
  reached!: number;
  lost!: number;
  /** Lost at this stage per prospect that reached it; `null` when none reached it. */
  lostRate!: number | null;
  /** Reached the next stage per prospect that reached this one; `null` for the last stage or when none reached it. */
  conversionToNext!: number | null;
  /** Reached this stage per prospect that reached the first stage; `null` when none reached the first stage. */
  conversionFromStart!: number | null;
}

export class StageConversionView {
  from!: AnalyticsStage;
  to!: AnalyticsStage;
  fromCount!: number;
  toCount!: number;
  rate!: number | null;
}

export class LostByReasonView {
  /** The lost reason's code. */
  reason!: string;
  /** Its label in each language (the configured one, else the other language's, else the code). */
  labels!: LostReasonLabelsView;
  total!: number;
  /** Share of all lost prospects; `null` when nothing was lost. */
  share!: number | null;
  @ApiProperty({ ...COUNTS_BY_STAGE, description: 'lost per stage' })
  byStage!: Record<string, number>;
}

export class FunnelReportView {
  period!: PeriodView;
  scope!: AnalyticsScopeView;
  stages!: FunnelStageSummaryView[];
  conversions!: StageConversionView[];
  lostByReason!: LostByReasonView[];
  won!: number;
}

export class CohortRowView {
  /** YYYY-MM */
  cohortMonth!: string;
  /** Prospects that entered stage 2 in this month. */
  entered!: number;
  @ApiProperty({ ...COUNTS_BY_STAGE, description: 'of those, how many reached each later stage by now' })
  reached!: Record<string, number>;
  @ApiProperty({ ...RATES_BY_STAGE, description: '`reached / entered` per later stage; null when the cohort is empty' })
  rates!: Record<string, number | null>;
}

export class TimeInStageLineView {
  @ApiProperty({ format: 'uuid' })
  productLineId!: string;
  productLineName!: string;
  stage!: AnalyticsStage;
  limitDays!: number | null;
  count!: number;
  medianDays!: number | null;
  p90Days!: number | null;
}

export class StalledProspectView {
  @ApiProperty({ format: 'uuid' })
  prospectId!: string;
  companyName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ownerId!: string | null;
  @ApiProperty({ format: 'uuid' })
  unitId!: string;
  @ApiProperty({ format: 'uuid' })
  productLineId!: string;
  stage!: AnalyticsStage;
  @ApiProperty({ format: 'date-time' })
  enteredAt!: string;
  limitDays!: number;
  daysInStage!: number;
  daysOver!: number;
}

export class NormReportLineView {
  @ApiProperty({ format: 'uuid' })
  salespersonId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId!: string | null;
  /** YYYY-MM */
  month!: string;
  norm!: SalesNormId;
  value!: number | null;
  min!: number | null;
  max!: number | null;
  status!: NormStatus;
  breach!: boolean;
}

export class EarlyWarningWindowView {
  @ApiProperty({ format: 'date-time' })
  from!: string;
  @ApiProperty({ format: 'date-time' })
  to!: string;
}

export class BriefCusumEvidenceView {
  /** The person's own briefs per meeting held over the 180 days before the window, shrunk toward 50 %. */
  baselineShare!: number;
  /** Meetings held and briefs completed in the window, and the briefs the baseline share predicts at their pace. */
  meetings!: number;
  briefs!: number;
  expectedBriefs!: number;
  /** The accumulated evidence of a shortfall now, and the evidence that flags. */
  statistic!: number;
  threshold!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the run of evidence began' })
  since!: string | null;
}

export class EarlyWarningEvidenceView {
  window!: EarlyWarningWindowView;
  prospectsWorked!: number;
  briefs!: number;
  briefsPerProspect!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastBriefAt!: string | null;
  /** Whole days since the last brief; `null` when there never was one. */
  daysSinceLastBrief!: number | null;
  /** The CUSUM's figures, for a `brief_cusum` rule only. */
  @ApiProperty({ type: BriefCusumEvidenceView, nullable: true })
  cusum!: BriefCusumEvidenceView | null;
}

export class FlaggedSalespersonView {
  @ApiProperty({ format: 'uuid' })
  salespersonId!: string;
  ruleId!: string;
  kind!: 'prospects_without_brief' | 'brief_rate_below' | 'brief_cusum';
  evidence!: EarlyWarningEvidenceView;
  /** Why the person is flagged, in an English sentence. */
  reason!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId!: string | null;
}

export class NormSettingView {
  norm!: SalesNormId;
  min!: number | null;
  /** `true` for "more than min" (the brief norm: more than 50 %), `false` for "at least min". */
  minExclusive!: boolean;
  max!: number | null;
  flagAbove!: boolean;
  /** Optimistic concurrency: send it back with a change; a stale one answers 409 `version_conflict`. */
  version!: number;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class WarningRuleSettingView {
  id!: string;
  kind!: 'prospects_without_brief' | 'brief_rate_below' | 'brief_cusum';
  minProspectsWorked!: number;
  windowDays!: number;
  minBriefsPerProspect!: number | null;
  /** brief_cusum only: the evidence that flags. */
  threshold!: number | null;
  active!: boolean;
  /** Optimistic concurrency: send it back with a change; a stale one answers 409 `version_conflict`. */
  version!: number;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
