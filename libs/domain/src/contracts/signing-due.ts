import { TaskStatus } from './task-graph';
import { CONTRACT_TEMPLATE_GROUPS, TaskGroup, dueAtFrom } from './task-template';

/** What the signing due date needs of a task of a contract case. */
export interface DueTask {
  key: string;
  group: TaskGroup;
  required: boolean;
  status: TaskStatus;
  dependsOn: readonly string[];
  dueDays: number;
  /** Set once the task is available; null while a dependency is not done. */
  dueAt: Date | null;
  doneAt: Date | null;
}

export interface SigningDue {
  /** The latest due date among the open tasks signing waits for; null when none is open. */
  dueAt: Date | null;
  /** How many of those tasks are not done. */
  openTasks: number;
}

/**
 * When the work that signing waits for is due: the latest due date among the tasks the signing gate checks
 * (`signingBlockers`: required and not done; legal or accounting, since delivery's task opens only after signing). A
 * task still blocked has no due date yet, so its date is projected as the tasks would run on schedule: it becomes
 * available when its last dependency is done (at `doneAt`) or due (at its due date, projected in turn), and is due
 * `dueDays` later. Without this a case would report the draft's date while the final sign-off comes a week after.
 */
export function signingDue(tasks: readonly DueTask[], caseOpenedAt: Date): SigningDue {
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const finish = new Map<string, number>();
  const visiting = new Set<string>();
  const finishOf = (t: DueTask): number => {
    const known = finish.get(t.key);
    if (known !== undefined) return known;
    let at: number;
    if (t.status === TaskStatus.Done) at = (t.doneAt ?? caseOpenedAt).getTime();
    else if (t.dueAt !== null) at = t.dueAt.getTime();
    else {
      // A cycle (refused by template validation) is cut where it closes.
      visiting.add(t.key);
      let since = caseOpenedAt.getTime();
      for (const dep of t.dependsOn) {
        const d = byKey.get(dep);
        if (d && !visiting.has(dep)) since = Math.max(since, finishOf(d));
      }
      visiting.delete(t.key);
      at = dueAtFrom(new Date(since), t.dueDays).getTime();
    }
    finish.set(t.key, at);
    return at;
  };
  const open = tasks.filter(
    (t) => t.required && t.status !== TaskStatus.Done && CONTRACT_TEMPLATE_GROUPS.includes(t.group),
  );
  if (open.length === 0) return { dueAt: null, openTasks: 0 };
  return { dueAt: new Date(Math.max(...open.map(finishOf))), openTasks: open.length };
}
