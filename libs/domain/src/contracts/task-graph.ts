import { assertNever } from '../domain-error';

/** Stored status of a contract task. A returned task goes back to `open`. Values are stored: never rename. */
export enum TaskStatus {
  Open = 'open',
  Claimed = 'claimed',
  Done = 'done',
}

/** What the graph needs of a task. */
export interface GraphTask {
  key: string;
  status: TaskStatus;
  dependsOn: readonly string[];
  /** When the task was done; null while not done. */
  doneAt: Date | null;
}

export type TaskAvailability =
  | { key: string; state: 'done' }
  /** Every dependency is done: the task can be claimed (or is being worked on, if claimed). */
  | { key: string; state: 'available' }
  /** `blockedBy` lists the dependencies not done yet, in the template's order. */
  | { key: string; state: 'blocked'; blockedBy: string[] };

export interface GraphSummary {
  available: string[];
  blocked: { key: string; blockedBy: string[] }[];
  done: string[];
}

function doneKeys(tasks: readonly GraphTask[]): Set<string> {
  return new Set(tasks.filter((t) => t.status === TaskStatus.Done).map((t) => t.key));
}

/**
 * The state of every task, in input order. A dependency missing from the case counts as not done: an
 * incomplete graph must never let work skip a step.
 */
export function taskAvailability(tasks: readonly GraphTask[]): TaskAvailability[] {
  const done = doneKeys(tasks);
  return tasks.map((task): TaskAvailability => {
    switch (task.status) {
      case TaskStatus.Done:
        return { key: task.key, state: 'done' };
      case TaskStatus.Open:
      case TaskStatus.Claimed: {
        const blockedBy = task.dependsOn.filter((dep) => !done.has(dep));
        return blockedBy.length === 0
          ? { key: task.key, state: 'available' }
          : { key: task.key, state: 'blocked', blockedBy };
      }
      default:
        return assertNever(task.status, 'task status');
    }
  });
}

/** The same states grouped, for queues and the case page. */
export function summarizeTaskGraph(tasks: readonly GraphTask[]): GraphSummary {
  const summary: GraphSummary = { available: [], blocked: [], done: [] };
  for (const a of taskAvailability(tasks)) {
    switch (a.state) {
      case 'done':
        summary.done.push(a.key);
        break;
      case 'available':
        summary.available.push(a.key);
        break;
      case 'blocked':
        summary.blocked.push({ key: a.key, blockedBy: a.blockedBy });
        break;
      default:
        assertNever(a, 'task availability');
    }
  }
  return summary;
}

/** Dependencies of `key` not done yet; empty when the task may start. */
export function blockersOf(key: string, tasks: readonly GraphTask[]): string[] {
  const task = tasks.find((t) => t.key === key);
  if (!task) return [];
  const done = doneKeys(tasks);
  return task.dependsOn.filter((dep) => !done.has(dep));
}

/**
 * When the task became available, the start of its due period: the case opening for a task without dependencies,
 * the last dependency's completion otherwise; null while it is still blocked.
 */
export function availableSince(key: string, tasks: readonly GraphTask[], caseOpenedAt: Date): Date | null {
  const task = tasks.find((t) => t.key === key);
  if (!task) return null;
  let since = caseOpenedAt.getTime();
  for (const depKey of task.dependsOn) {
    const dep = tasks.find((t) => t.key === depKey);
    if (!dep || dep.status !== TaskStatus.Done || dep.doneAt === null) return null;
    since = Math.max(since, dep.doneAt.getTime());
  }
  return new Date(since);
}
