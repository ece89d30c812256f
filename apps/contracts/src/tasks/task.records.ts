import { TaskGroup, TaskStatus } from '@dealgate/domain';

/** A contract task as stored. `availableSince` is null while a dependency is not done. */
export interface TaskRecord {
  id: string;
  caseId: string;
  key: string;
  title: string;
  group: TaskGroup;
  dependsOn: string[];
  dueDays: number;
  required: boolean;
  position: number;
  status: TaskStatus;
  assigneeId: string | null;
  availableSince: Date | null;
  dueAt: Date | null;
  doneAt: Date | null;
  /** What the assignee reported when completing it; null before, or when they gave none. */
  result: string | null;
  createdAt: Date;
  version: number;
  /** The overdue sweep told the group lead (read with the task; not a column of it). */
  escalated: boolean;
  /** The case's company (read with the task). */
  companyName: string | null;
}

export type NewTask = Pick<
  TaskRecord,
  'id' | 'caseId' | 'key' | 'title' | 'group' | 'dependsOn' | 'dueDays' | 'required' | 'position' | 'createdAt'
>;

export interface TaskComment {
  id: string;
  authorId: string;
  body: string;
  createdAt: Date;
}

export interface TaskDocument {
  id: string;
  title: string;
  url: string;
  addedBy: string;
  addedAt: Date;
}

export interface TaskEvent {
  kind: string;
  actorId: string | null;
  assigneeId: string | null;
  reason: string | null;
  at: Date;
}
