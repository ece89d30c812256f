import { ApiProperty } from '@nestjs/swagger';
import { TaskGroup, TaskStatus } from '@dealgate/domain';
import { TaskComment, TaskDocument, TaskEvent, TaskRecord } from './task.records';

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
  @ApiProperty({ type: String, nullable: true, description: 'what the assignee reported when completing the task' })
  result!: string | null;
  overdue!: boolean;
  @ApiProperty({ description: 'the overdue sweep told the group lead and the task is still not done' })
  escalated!: boolean;
  @ApiProperty({ type: String, nullable: true, description: "the case's company" })
  companyName!: string | null;
  version!: number;
}

/** The caller's task groups (roles and directory memberships merged) and the ones they lead. */
export class MyTaskGroupsView {
  @ApiProperty({ enum: TaskGroup, isArray: true })
  groups!: TaskGroup[];
  @ApiProperty({ enum: TaskGroup, isArray: true })
  leadOf!: TaskGroup[];
}

export class GroupMemberView {
  id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null when the directory copy cannot show the name' })
  name!: string | null;
}

/** The active people a task of the group can be given to (members by role or directory, no salesperson). */
export class GroupMembersView {
  @ApiProperty({ enum: TaskGroup })
  group!: TaskGroup;
  @ApiProperty({ type: [GroupMemberView], description: 'by name' })
  members!: GroupMemberView[];
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
    result: t.result,
    overdue: t.status !== TaskStatus.Done && t.dueAt !== null && t.dueAt.getTime() <= now.getTime(),
    escalated: t.status !== TaskStatus.Done && t.escalated,
    companyName: t.companyName,
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
