import { ApiProperty } from '@nestjs/swagger';
import { ANALYTICS_STAGES, AnalyticsStage, BACKTEST_HORIZONS, BacktestHorizon } from '@dealgate/domain';
import { AnalyticsScopeView } from './analytics.view';

export class QuantilesView {
  p10!: number;
  p50!: number;
  p90!: number;
  mean!: number;
}

export class StageArrivalView {
  @ApiProperty({ enum: ANALYTICS_STAGES })
  stage!: AnalyticsStage;
  /** Deals arriving at the stage in the period: new prospects at primary contact, moves from the stage before after it. */
  count!: QuantilesView;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      "the plans people entered for the period's months in the scope; null for next_3_months (not whole months)",
  })
  planned!: number | null;
}

export class ForecastPeriodView {
  @ApiProperty({ example: '2026-11', description: 'YYYY-MM for a month, next_3_months, or YYYY-Qn' })
  key!: string;
  @ApiProperty({ enum: ['month', 'next_3_months', 'quarter'] })
  kind!: 'month' | 'next_3_months' | 'quarter';
  @ApiProperty({ format: 'date-time' })
  from!: string;
  @ApiProperty({ format: 'date-time', description: 'excluded' })
  to!: string;
  /** Signed contracts in the period. */
  count!: QuantilesView;
  @ApiProperty({ type: QuantilesView, nullable: true, description: 'minor units of `currency`; null when unknown' })
  valueMinor!: QuantilesView | null;
  /** Arrivals at each open stage in the period, in funnel order. */
  arrivals!: StageArrivalView[];
}

export class DealForecastView {
  @ApiProperty({ format: 'uuid' })
  prospectId!: string;
  companyName!: string;
  @ApiProperty({ enum: ANALYTICS_STAGES })
  stage!: AnalyticsStage;
  daysInStage!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ownerId!: string | null;
  @ApiProperty({ format: 'uuid' })
  unitId!: string;
  @ApiProperty({ format: 'uuid' })
  productLineId!: string;
  /** Chance to sign before the end of the last period (0..1). */
  probability!: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-12', description: 'null below a 5 % chance' })
  expectedMonth!: string | null;
  reason!: string;
}

export class DealForecastPageView {
  items!: DealForecastView[];
  total!: number;
  limit!: number;
  offset!: number;
}

export class ForecastHistoryView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'first move in the log' })
  from!: string | null;
  /** Contracts signed in the scope before the as-of time. */
  signed!: number;
}

export class ForecastReportView {
  @ApiProperty({ format: 'date-time' })
  asOf!: string;
  scope!: AnalyticsScopeView;
  history!: ForecastHistoryView;
  @ApiProperty({ type: String, nullable: true, description: 'currency of the values; null when none or mixed' })
  currency!: string | null;
  /** Simulated futures behind the quantiles. */
  runs!: number;
  /** Each month from the as-of one through the next calendar quarter (3 to 5), the next three months, that quarter. */
  periods!: ForecastPeriodView[];
  /** Open deals in the scope, most likely to sign first. */
  deals!: DealForecastPageView;
}

export class HorizonBacktestView {
  @ApiProperty({ enum: BACKTEST_HORIZONS })
  horizon!: BacktestHorizon;
  @ApiProperty({ type: Number, nullable: true, description: 'WAPE of the forecast P50 (0.1 = off by 10 %)' })
  wape!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'MAPE of the forecast P50 over origins with a signature' })
  mape!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'WAPE of the fixed stage weights 10/20/40/60/90 %' })
  stageWeightsWape!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  stageWeightsMape!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'WAPE of the last three months run rate' })
  runRateWape!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  runRateMape!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'WAPE of the plans people entered for arrivals at the contract stage; null when no plan was entered',
  })
  plansWape!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  plansMape!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'share of actuals inside P10-P90' })
  coverage!: number | null;
  /** Origins scored at this horizon. */
  cells!: number;
}

export class ForecastBacktestView {
  @ApiProperty({ format: 'date-time' })
  asOf!: string;
  scope!: AnalyticsScopeView;
  /** How many monthly origins were replayed (0 when the history is too short). */
  origins!: number;
  @ApiProperty({ type: [String], example: ['2026-06-01'] })
  originDates!: string[];
  @ApiProperty({ type: String, nullable: true, enum: ['history_too_short', 'no_signings'] })
  reason!: 'history_too_short' | 'no_signings' | null;
  @ApiProperty({ type: String, nullable: true })
  message!: string | null;
  horizons!: HorizonBacktestView[];
  @ApiProperty({ type: Number, nullable: true, description: "Brier score of the deals' chances to sign" })
  brier!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Brier score of the fixed stage weights' })
  stageWeightsBrier!: number | null;
}
