import { ApiProperty } from '@nestjs/swagger';
import { TaskGroup, TaskStatus } from '@dealgate/domain';
import { TaskComment, TaskDocument, TaskEvent, TaskRecord } from './task.record';

export class TaskView {
  id!: string;
  caseId!: string;
  key!: string;
  title!: string;
  @ApiProperty({ enum: TaskGroup })
  group!: TaskGroup;
  dependsOn!: string[];
  required!: boolean;
  @ApiProperty({ enum: TaskStatus })
  status!: TaskStatus;
  @ApiProperty({ enum: ['blocked', 'available', 'done'], description: 'blocked while a dependency is not done' })
  state!: 'blocked' | 'available' | 'done';
  assigneeId!: string | null;
  availableSince!: string | null;
  dueAt!: string | null;
  doneAt!: string | null;
  overdue!: boolean;
  version!: number;
}

export class TaskDetailView extends TaskView {
  comments!: { id: string; authorId: string; body: string; createdAt: string }[];
  documents!: { id: string; title: string; url: string; addedBy: string; addedAt: string }[];
  history!: { kind: string; actorId: string | null; assigneeId: string | null; reason: string | null; at: string }[];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toTaskView(t: TaskRecord, now: Date): TaskView {
  const state = t.status === TaskStatus.Done ? 'done' : t.availableSince ? 'available' : 'blocked';
  return {
    id: t.id,
    caseId: t.caseId,
    key: t.key,
    title: t.title,
    group: t.group,
    dependsOn: t.dependsOn,
    required: t.required,
    status: t.status,
    state,
    assigneeId: t.assigneeId,
    availableSince: iso(t.availableSince),
    dueAt: iso(t.dueAt),
    doneAt: iso(t.doneAt),
    overdue: t.status !== TaskStatus.Done && t.dueAt !== null && t.dueAt.getTime() <= now.getTime(),
    version: t.version,
  };
}

export function toTaskDetailView(
  t: TaskRecord,
  now: Date,
  extra: { comments: TaskComment[]; documents: TaskDocument[]; events: TaskEvent[] },
): TaskDetailView {
  return {
    ...toTaskView(t, now),
    comments: extra.comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    documents: extra.documents.map((d) => ({ ...d, addedAt: d.addedAt.toISOString() })),
    history: extra.events.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}
