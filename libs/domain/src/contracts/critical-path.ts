import { TaskStatus } from './task-graph';

/** What the critical path needs of a task: its dependencies and how long it still takes. */
export interface PathTask {
  key: string;
  status: TaskStatus;
  dependsOn: readonly string[];
  /** The task's allowance in days (its template's `dueDays`), used as its duration. */
  dueDays: number;
}

export interface CriticalPath {
  /** Tasks not done with no slack, in input order: any delay of one delays the whole case by as much. */
  critical: string[];
  /** Days of work left along the longest chain (0 when every task is done). */
  remainingDays: number;
}

/**
 * The critical path method over the tasks still to do. A done task takes no more time; the others take their
 * allowance. Earliest finishes are computed forwards, latest finishes backwards from the case's end; a task whose
 * two coincide is critical. Several chains can be critical at once (the default graph starts with two). A
 * dependency missing from the input counts as taking no time; a cycle (refused by template validation) is cut.
 */
export function criticalPath(tasks: readonly PathTask[]): CriticalPath {
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const remaining = (t: PathTask): number => (t.status === TaskStatus.Done ? 0 : Math.max(0, t.dueDays));
  const finish = new Map<string, number>();
  const visiting = new Set<string>();
  const earliestFinish = (t: PathTask): number => {
    const known = finish.get(t.key);
    if (known !== undefined) return known;
    if (visiting.has(t.key)) return 0;
    visiting.add(t.key);
    let start = 0;
    for (const dep of t.dependsOn) {
      const d = byKey.get(dep);
      if (d) start = Math.max(start, earliestFinish(d));
    }
    visiting.delete(t.key);
    const value = start + remaining(t);
    finish.set(t.key, value);
    return value;
  };
  const end = tasks.reduce((max, t) => Math.max(max, earliestFinish(t)), 0);

  const successors = new Map<string, PathTask[]>();
  for (const t of tasks) {
    for (const dep of t.dependsOn) successors.set(dep, [...(successors.get(dep) ?? []), t]);
  }
  const latest = new Map<string, number>();
  const latestFinish = (t: PathTask, seen: Set<string>): number => {
    const known = latest.get(t.key);
    if (known !== undefined) return known;
    if (seen.has(t.key)) return end;
    seen.add(t.key);
    let value = end;
    for (const s of successors.get(t.key) ?? []) value = Math.min(value, latestFinish(s, seen) - remaining(s));
    seen.delete(t.key);
    latest.set(t.key, value);
    return value;
  };
  const critical = tasks
    .filter((t) => remaining(t) > 0 && latestFinish(t, new Set()) === earliestFinish(t))
    .map((t) => t.key);
  return { critical, remainingDays: end };
}
