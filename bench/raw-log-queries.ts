/**
 * The same reports as plain SQL aggregates over the raw stage-transition log (and the funnel's own tables), with
 * the same definitions as the trigger-kept aggregates: what the reports would cost without them.
 * Parameters: $1 period start, $2 period end (timestamptz).
 */
export const RAW_FUNNEL = `
  WITH entries AS (
    SELECT DISTINCT ON (prospect_id, stage) stage, at FROM (
      SELECT id, prospect_id, to_stage AS stage, at FROM stage_transition WHERE from_stage <> to_stage
      UNION ALL
      SELECT id, prospect_id, 'sampling', at FROM stage_transition WHERE from_stage = 'sampling' AND to_stage <> 'sampling'
    ) e ORDER BY prospect_id, stage, id
  )
  SELECT 'reached' AS measure, stage, '' AS reason, count(*) AS count FROM entries WHERE at >= $1 AND at < $2 GROUP BY stage
  UNION ALL
  SELECT 'lost', to_stage, COALESCE(lost_reason_code, 'unknown'), count(*) FROM stage_transition
  WHERE to_status = 'lost' AND from_status <> 'lost' AND at >= $1 AND at < $2 GROUP BY 2, 3
  UNION ALL
  SELECT 'won', to_stage, '', count(*) FROM stage_transition
  WHERE to_status = 'won' AND from_status <> 'won' AND at >= $1 AND at < $2 GROUP BY 2`;

/** $3: one salesperson (the owner on the log rows). */
export const RAW_FUNNEL_ONE_SELLER = `
  WITH entries AS (
    SELECT DISTINCT ON (prospect_id, stage) stage, at, owner_id FROM (
      SELECT id, prospect_id, to_stage AS stage, at, owner_id FROM stage_transition WHERE from_stage <> to_stage
    ) e ORDER BY prospect_id, stage, id
  )
  SELECT stage, count(*) FROM entries WHERE at >= $1 AND at < $2 AND owner_id = $3 GROUP BY stage`;

export const RAW_COHORTS = `
  SELECT to_char(cohort, 'YYYY-MM') AS month, furthest, count(*) FROM (
    SELECT prospect_id,
      min(at) FILTER (WHERE to_stage = 'primary_contact' AND from_stage <> to_stage) AS cohort,
      max(analytics_stage_rank(to_stage)) AS furthest
    FROM stage_transition GROUP BY prospect_id
  ) p WHERE cohort >= $1 AND cohort < $2 GROUP BY 1, 2`;

export const RAW_TIME_IN_STAGE = `
  SELECT product_line_id, to_stage,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM next_at - at) / 86400),
    percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM next_at - at) / 86400)
  FROM (
    SELECT *, lead(at) OVER (PARTITION BY prospect_id ORDER BY id) AS next_at
    FROM stage_transition WHERE from_stage <> to_stage OR from_status <> to_status
  ) s
  WHERE to_status = 'active' AND next_at >= $1 AND next_at < $2 GROUP BY 1, 2`;

export const RAW_PLAN_FACT = `
  WITH entries AS (
    SELECT DISTINCT ON (prospect_id, to_stage) to_stage, at, owner_id FROM stage_transition
    WHERE from_stage <> to_stage ORDER BY prospect_id, to_stage, id
  ), fact AS (
    SELECT owner_id AS key, to_stage AS stage, count(*) AS n FROM entries WHERE at >= $1 AND at < $2 GROUP BY 1, 2
  ), plan AS (
    SELECT salesperson_id AS key, stage, sum(count) AS n FROM sales_plan
    WHERE period >= to_char($1::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM') AND period < to_char($2::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM')
    GROUP BY 1, 2
  )
  SELECT COALESCE(p.key, f.key), COALESCE(p.stage, f.stage), p.n, f.n FROM plan p FULL JOIN fact f USING (key, stage)`;

/** Stalled now ($1): each prospect's current stay from the log (last move), against its line's limit. */
export const RAW_STALLED = `
  WITH last AS (
    SELECT DISTINCT ON (prospect_id) prospect_id, to_stage, to_status, at, product_line_id
    FROM stage_transition WHERE from_stage <> to_stage OR from_status <> to_status ORDER BY prospect_id, id DESC
  )
  SELECT l.prospect_id, l.to_stage, l.at FROM last l JOIN product_line pl ON pl.id = l.product_line_id
  WHERE l.to_status = 'active' AND l.at < $1::timestamptz - make_interval(days => (pl.stage_limit_days ->> l.to_stage)::int)
  ORDER BY l.at + make_interval(days => (pl.stage_limit_days ->> l.to_stage)::int) LIMIT 50`;

export const RAW_NORMS = `
  SELECT p.owner_id, count(*) FILTER (WHERE m.held_at >= $1 AND m.held_at < $2) AS meetings FROM meeting m
  JOIN prospect p ON p.id = m.prospect_id WHERE m.status = 'held' GROUP BY 1
  UNION ALL
  SELECT p.owner_id, count(*) FILTER (WHERE b.completed_at >= $1 AND b.completed_at < $2) FROM brief b
  JOIN prospect p ON p.id = b.prospect_id GROUP BY 1
  UNION ALL
  SELECT owner_id, count(*) FROM stage_transition WHERE to_status = 'won' AND from_status <> 'won' AND at >= $1 AND at < $2 GROUP BY 1`;
