import { AnalyticsError, AnalyticsErrorCode, assertCount, ratioOrNull } from './analytics-error';
import { assertNever } from '../domain-error';

/** The method's norms. Values are stored in norm configurations and events: never rename. */
export const SALES_NORM_IDS = ['meetings_held', 'briefs_per_meeting_held', 'contracts_per_meeting_held'] as const;
export type SalesNormId = (typeof SALES_NORM_IDS)[number];

/**
 * A target range. `min`/`max` are `null` when the method sets no bound on that side.
 * `flagAbove` says whether exceeding `max` is a breach or only reported.
 */
export interface NormBounds {
  readonly min: number | null;
  /** `true` for "more than min" (the brief norm: more than 50 %), `false` for "at least min". */
  readonly minExclusive: boolean;
  readonly max: number | null;
  readonly flagAbove: boolean;
}

/** Norm configuration of an organisation. Meetings are per salesperson per month; the others are rates (0.5 = 50 %). */
export type SalesNorms = Readonly<Record<SalesNormId, NormBounds>>;

/**
 * Defaults from the method. Decisions where the method is silent:
 * - more than 45 meetings a month is reported as `above` but not a breach: more results than the norm are not a failure;
 * - more than 30 % of meetings ending in a contract is a breach: it is suspicious (meetings not logged,
 *   or contracts booked to the wrong person) and worth a head's look.
 */
export const DEFAULT_SALES_NORMS: SalesNorms = {
  meetings_held: { min: 40, minExclusive: false, max: 45, flagAbove: false },
  briefs_per_meeting_held: { min: 0.5, minExclusive: true, max: null, flagAbove: false },
  contracts_per_meeting_held: { min: 0.1, minExclusive: false, max: 0.3, flagAbove: true },
};

/** Facts of one salesperson over the evaluated period. */
export interface SalespersonNormFacts {
  readonly salespersonId: string;
  readonly meetingsHeld: number;
  readonly briefs: number;
  readonly signedContracts: number;
}

export type NormStatus = 'below' | 'within' | 'above' | 'no_data';

export interface NormEvaluation {
  readonly salespersonId: string;
  readonly norm: SalesNormId;
  /** Meetings: the count over the period; rates: a fraction. `null` when the rate has no denominator. */
  readonly value: number | null;
  /** The bounds applied, meetings already scaled to the period length. */
  readonly target: NormBounds;
  readonly status: NormStatus;
  /** Whether this is a breach to notify (`norm.breached`): below, or above when the norm flags it. */
  readonly breach: boolean;
}

// Rates like 3/30 are not exact in binary; compare with a tolerance so 10 % of 30 meetings is "within".
const EPSILON = 1e-9;

/** Where a value falls against its bounds. */
export function normStatus(value: number | null, bounds: NormBounds): NormStatus {
  if (value === null) return 'no_data';
  if (bounds.min !== null) {
    const below = bounds.minExclusive ? value <= bounds.min + EPSILON : value < bounds.min - EPSILON;
    if (below) return 'below';
  }
  if (bounds.max !== null && value > bounds.max + EPSILON) return 'above';
  return 'within';
}

export function isNormBreach(status: NormStatus, bounds: NormBounds): boolean {
  switch (status) {
    case 'below':
      return true;
    case 'above':
      return bounds.flagAbove;
    case 'within':
    case 'no_data':
      return false;
    default:
      return assertNever(status, 'norm status');
  }
}

function scaleBounds(bounds: NormBounds, factor: number): NormBounds {
  return {
    ...bounds,
    min: bounds.min === null ? null : bounds.min * factor,
    max: bounds.max === null ? null : bounds.max * factor,
  };
}

function normValueAndTarget(
  norm: SalesNormId,
  facts: SalespersonNormFacts,
  norms: SalesNorms,
  periodMonths: number,
): { value: number | null; target: NormBounds } {
  switch (norm) {
    case 'meetings_held':
      // The norm is per month; zero meetings is a real value (below), never "no data".
      return { value: facts.meetingsHeld, target: scaleBounds(norms.meetings_held, periodMonths) };
    case 'briefs_per_meeting_held':
      return { value: ratioOrNull(facts.briefs, facts.meetingsHeld), target: norms.briefs_per_meeting_held };
    case 'contracts_per_meeting_held':
      return {
        value: ratioOrNull(facts.signedContracts, facts.meetingsHeld),
        target: norms.contracts_per_meeting_held,
      };
    default:
      return assertNever(norm, 'sales norm');
  }
}

/**
 * Every salesperson against every norm, in input order then norm order. `periodMonths` is the period length
 * in months (see `periodMonthCount`); the meetings range is scaled by it, the rates are not.
 */
export function evaluateNorms(
  perSalesperson: readonly SalespersonNormFacts[],
  norms: SalesNorms,
  periodMonths: number,
): NormEvaluation[] {
  if (!Number.isFinite(periodMonths) || periodMonths <= 0) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidPeriod, 'Norms need a period longer than zero months.', {
      periodMonths,
    });
  }
  return perSalesperson.flatMap((facts) => {
    assertCount(facts.meetingsHeld, 'meetings held');
    assertCount(facts.briefs, 'briefs');
    assertCount(facts.signedContracts, 'signed contracts');
    return SALES_NORM_IDS.map((norm) => {
      const { value, target } = normValueAndTarget(norm, facts, norms, periodMonths);
      const status = normStatus(value, target);
      return { salespersonId: facts.salespersonId, norm, value, target, status, breach: isNormBreach(status, target) };
    });
  });
}
