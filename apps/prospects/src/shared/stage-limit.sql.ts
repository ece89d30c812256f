import { STAGE_DAY_MS } from '@dealgate/domain';

// The stage-limit rule of libs/domain (`stageTime` / `isStalled` in funnel/stage-limit.ts) in SQL, for the queries
// that count, filter and order whole sets of prospects without loading them. A limit day is STAGE_DAY_MS (24 exact
// hours, so no time zone or daylight-saving change moves the deadline), as in the domain.
const DAY_HOURS = STAGE_DAY_MS / (60 * 60 * 1000);

/** The moment the limit runs out: `stallDeadline` of the domain. */
export function stageDeadlineSql(enteredAt: string, limitDays: string): string {
  return `(${enteredAt} + make_interval(hours => ${DAY_HOURS} * ${limitDays}))`;
}

/**
 * Over the limit at `now`, strictly (exactly the limit is on time): `isStalled` of the domain. Written with the entry
 * time alone on one side so an index on (stage, stage_entered_at) serves it; NULL (unknown) without a limit.
 */
export function overStageLimitSql(enteredAt: string, limitDays: string, now: string): string {
  return `(${enteredAt} < ${now} - make_interval(hours => ${DAY_HOURS} * ${limitDays}))`;
}
