import { DomainError } from '../domain-error';

/** Codes of broken analytics inputs. Values are stable: never rename. */
export enum AnalyticsErrorCode {
  InvalidInput = 'analytics.invalid_input',
  InvalidPeriod = 'analytics.invalid_period',
  /** A plan names someone who is not an active salesperson with a unit. */
  PlanAssigneeInvalid = 'analytics.plan_assignee_invalid',
}

export class AnalyticsError extends DomainError<AnalyticsErrorCode> {
  constructor(code: AnalyticsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'AnalyticsError';
  }
}

// Counts come from SQL aggregates; a negative or fractional count is a bug upstream, so fail loudly
// instead of letting it turn into a NaN or a nonsense rate in a report.
export function assertCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, `${what} must be a whole number of 0 or more.`, {
      what,
      value,
    });
  }
}

export function assertNonNegative(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, `${what} must be a finite number of 0 or more.`, {
      what,
      value,
    });
  }
}

export function assertValidDate(value: Date, what: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, `${what} must be a valid date.`, { what });
  }
}

/**
 * `numerator / denominator`, or `null` when the denominator is 0: a rate over nothing is "no data",
 * never NaN or Infinity.
 */
export function ratioOrNull(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
