import { funnelError, FunnelErrorCode } from './funnel-error';
import { ProspectStatus, Stage, STAGE_ORDER } from './stage';
import { isStalled } from './stage-limit';

/** What is sold, with its expected sales cycle and how long a prospect may sit in each stage. */
export interface ProductLine {
  readonly code: string;
  readonly name: string;
  readonly cycleDays: { readonly min: number; readonly max: number };
  /** Days a prospect may stay in each stage before it counts as stalled. */
  readonly stageLimitDays: Readonly<Record<Stage, number>>;
}

export function sumStageLimitDays(limits: Readonly<Record<Stage, number>>): number {
  return STAGE_ORDER.reduce((sum, stage) => sum + limits[stage], 0);
}

/** One problem with a product line and the input it is about (`name`, `cycleDays`, `stageLimitDays.<stage>`). */
export interface ProductLineProblem {
  readonly field: string;
  readonly problem: string;
}

/** Problems with a product line's numbers, each with its input; empty when it is sound. */
export function findProductLineFieldProblems(
  line: Pick<ProductLine, 'name' | 'cycleDays' | 'stageLimitDays'>,
): ProductLineProblem[] {
  const problems: ProductLineProblem[] = [];
  const { min, max } = line.cycleDays;
  if (line.name.trim().length === 0) {
    problems.push({ field: 'name', problem: 'The product line needs a name.' });
  }
  if (!isPositiveInteger(min) || !isPositiveInteger(max) || min > max) {
    problems.push({ field: 'cycleDays', problem: 'The expected cycle must be whole days with 0 < min <= max.' });
  }
  for (const stage of STAGE_ORDER) {
    if (!isPositiveInteger(line.stageLimitDays[stage])) {
      problems.push({
        field: `stageLimitDays.${stage}`,
        problem: `The time limit of stage ${stage} must be a whole number of days above zero.`,
      });
    }
  }
  // Limits are per-stage ceilings: together they should fit the expected cycle. Above the maximum they never warn
  // in time; below the minimum every normal deal would stall somewhere.
  const total = sumStageLimitDays(line.stageLimitDays);
  if (problems.length === 0 && (total < min || total > max)) {
    problems.push({
      field: 'stageLimitDays',
      problem: `The stage limits add up to ${total} days, outside the expected cycle of ${min}-${max} days.`,
    });
  }
  return problems;
}

/** Problems with a product line's numbers, as sentences; empty when it is sound. */
export function findProductLineProblems(line: Pick<ProductLine, 'name' | 'cycleDays' | 'stageLimitDays'>): string[] {
  return findProductLineFieldProblems(line).map((p) => p.problem);
}

/** Refuses an unsound product line, naming each offending input in `fields` (as validation errors do). */
export function assertValidProductLine(line: Pick<ProductLine, 'name' | 'cycleDays' | 'stageLimitDays'>): void {
  const found = findProductLineFieldProblems(line);
  if (found.length > 0) {
    const problems = found.map((p) => p.problem);
    const fields = [...new Set(found.map((p) => p.field))].map((field) => ({
      field,
      problems: found.filter((p) => p.field === field).map((p) => p.problem),
    }));
    throw funnelError(FunnelErrorCode.ProductLineInvalid, problems.join(' '), { problems, fields });
  }
}

/** Only active prospects stall: won and lost ones no longer sit in a stage. */
export function isProspectStalled(
  prospect: { readonly stage: Stage; readonly status: ProspectStatus; readonly stageEnteredAt: Date },
  line: Pick<ProductLine, 'stageLimitDays'>,
  now: Date,
): boolean {
  return (
    prospect.status === ProspectStatus.Active &&
    isStalled(prospect.stageEnteredAt, now, line.stageLimitDays[prospect.stage])
  );
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}
