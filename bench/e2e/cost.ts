import { Client } from 'pg';
import { ALL_SERVICES, JobName, consumersOf } from '@dealgate/messages';

// What a phase cost the system: commits in its database (pg_stat_database) and jobs (every outbox row the services
// wrote, once per consumer queue it fans out to).

/**
 * PostgreSQL (15+) flushes a backend's statistics at most once a second while it works and up to 10 s after it goes
 * idle; a reading this long after a phase has them all.
 */
export const STATS_SETTLE_MS = 11_000;

export interface Mark {
  commits: number;
  /** The database's clock, for the outbox rows written since. */
  at: Date;
}

export async function mark(db: Client): Promise<Mark> {
  const { rows } = await db.query<{ commits: string; at: Date }>(
    'SELECT xact_commit AS commits, now() AS at FROM pg_stat_database WHERE datname = current_database()',
  );
  return { commits: Number(rows[0].commits), at: rows[0].at };
}

/** Commits between two marks, without the one of the first mark's own query. */
export const commitsBetween = (from: Mark, to: Mark) => to.commits - from.commits - 1;

export interface JobCount {
  total: number;
  /** `job.name x copies` by job name: outbox rows times consumer queues. */
  byName: Record<string, number>;
}

/** Jobs published from every service's outbox rows written since `since`. */
export async function jobsSince(db: Client, since: Date): Promise<JobCount> {
  const byName: Record<string, number> = {};
  for (const schema of ALL_SERVICES) {
    const { rows } = await db.query<{ name: string; n: string }>(
      `SELECT job_name AS name, count(*) AS n FROM "${schema}".outbox WHERE created_at >= $1 GROUP BY job_name`,
      [since],
    );
    for (const row of rows) {
      byName[row.name] = (byName[row.name] ?? 0) + Number(row.n) * consumersOf(row.name as JobName).length;
    }
  }
  return { total: Object.values(byName).reduce((a, b) => a + b, 0), byName };
}
