// Which buttons a task shows to the person looking. Pure, so a table can leave out its actions column when no row
// has any, and its tests need no rendering. The server decides; this only hides what it would refuse anyway.
import type { Task, TaskGroup } from './queries';

export type TaskActionKind = 'claim' | 'complete' | 'return' | 'reassign';

export interface TaskViewer {
  userId: string;
  groups: readonly TaskGroup[];
  leadOf: readonly TaskGroup[];
}

/**
 * Claim: an open task of one of my groups (shown disabled while blocked, so the person sees why); complete: my
 * claimed task; return: my claimed task, or any claimed task of a group I lead; reassign: an available task of a
 * group I lead. A done task has none.
 */
export function taskActionsFor(
  task: Pick<Task, 'status' | 'state' | 'group' | 'assigneeId'>,
  viewer: TaskViewer,
): TaskActionKind[] {
  if (task.status === 'done') return [];
  const member = viewer.groups.includes(task.group);
  const lead = viewer.leadOf.includes(task.group);
  const mine = task.assigneeId === viewer.userId;
  const kinds: TaskActionKind[] = [];
  if (task.status === 'open' && member) kinds.push('claim');
  if (task.status === 'claimed' && mine) kinds.push('complete');
  if (task.status === 'claimed' && (mine || lead)) kinds.push('return');
  if (lead && task.state === 'available') kinds.push('reassign');
  return kinds;
}
