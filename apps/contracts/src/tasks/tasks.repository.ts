import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TaskGroup, TaskStatus } from '@dealgate/domain';
import { NewTask, TaskComment, TaskDocument, TaskEvent, TaskRecord } from './task.record';

interface TaskRow {
  id: string;
  case_id: string;
  key: string;
  title: string;
  group_name: TaskGroup;
  depends_on: string[];
  due_days: number;
  required: boolean;
  position: number;
  status: TaskStatus;
  assignee_id: string | null;
  available_since: Date | null;
  due_at: Date | null;
  done_at: Date | null;
  result: string | null;
  created_at: Date;
  version: number;
  escalated?: boolean;
  company_name?: string | null;
}

// The stored task plus two facts kept elsewhere: whether its group lead was told (the sweep's escalation notice)
// and the case's company, so a task list can name the deal without a call per row.
const TASK_COLUMNS = `t.*,
  EXISTS (SELECT 1 FROM overdue_notice n WHERE n.task_id = t.id AND n.level = 'escalation') AS escalated,
  (SELECT c.company_name FROM contract_case c WHERE c.id = t.case_id) AS company_name`;

const toRecord = (r: TaskRow): TaskRecord => ({
  id: r.id,
  caseId: r.case_id,
  key: r.key,
  title: r.title,
  group: r.group_name,
  dependsOn: r.depends_on,
  dueDays: r.due_days,
  required: r.required,
  position: r.position,
  status: r.status,
  assigneeId: r.assignee_id,
  availableSince: r.available_since,
  dueAt: r.due_at,
  doneAt: r.done_at,
  result: r.result,
  createdAt: r.created_at,
  version: r.version,
  escalated: r.escalated === true,
  companyName: r.company_name ?? null,
});

export interface TaskListFilter {
  assigneeId?: string;
  group?: TaskGroup;
  status?: TaskStatus;
  caseId?: string;
  /** Only tasks whose dependencies are done (the ones that can be worked on). */
  availableOnly?: boolean;
  unassigned?: boolean;
  /** Only tasks past their due moment at this time. */
  overdueAt?: Date;
  /** Only tasks not done and due by this moment (e.g. the end of the caller's day). */
  dueBy?: Date;
  /** Only tasks whose group lead was told (escalated by the overdue sweep) and still not done. */
  escalated?: boolean;
}

@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async insert(manager: EntityManager, tasks: readonly NewTask[]): Promise<void> {
    for (const t of tasks) {
      await manager.query(
        `INSERT INTO contract_task (id, case_id, key, title, group_name, depends_on, due_days, required, position, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10)`,
        [t.id, t.caseId, t.key, t.title, t.group, t.dependsOn, t.dueDays, t.required, t.position, t.createdAt],
      );
    }
  }

  async forCase(caseId: string, manager?: EntityManager): Promise<TaskRecord[]> {
    const rows = await this.db(manager).query<TaskRow[]>(
      `SELECT ${TASK_COLUMNS} FROM contract_task t WHERE case_id = $1 ORDER BY position`,
      [caseId],
    );
    return rows.map(toRecord);
  }

  async find(id: string, manager?: EntityManager): Promise<TaskRecord | null> {
    const rows = await this.db(manager).query<TaskRow[]>(`SELECT ${TASK_COLUMNS} FROM contract_task t WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async saveState(
    manager: EntityManager,
    id: string,
    state: Pick<TaskRecord, 'status' | 'assigneeId' | 'doneAt' | 'result'>,
  ): Promise<void> {
    await manager.query(
      'UPDATE contract_task SET status = $2, assignee_id = $3, done_at = $4, result = $5, version = version + 1 WHERE id = $1',
      [id, state.status, state.assigneeId, state.doneAt, state.result],
    );
  }

  async markAvailable(manager: EntityManager, id: string, since: Date, dueAt: Date): Promise<void> {
    await manager.query(
      'UPDATE contract_task SET available_since = $2, due_at = $3, version = version + 1 WHERE id = $1 AND available_since IS NULL',
      [id, since, dueAt],
    );
  }

  async addEvent(manager: EntityManager, taskId: string, e: TaskEvent): Promise<void> {
    await manager.query(
      'INSERT INTO task_event (task_id, kind, actor_id, assignee_id, reason, at) VALUES ($1, $2, $3, $4, $5, $6)',
      [taskId, e.kind, e.actorId, e.assigneeId, e.reason, e.at],
    );
  }

  async events(taskId: string): Promise<TaskEvent[]> {
    const rows = await this.dataSource.query<
      { kind: string; actor_id: string | null; assignee_id: string | null; reason: string | null; at: Date }[]
    >('SELECT kind, actor_id, assignee_id, reason, at FROM task_event WHERE task_id = $1 ORDER BY id', [taskId]);
    return rows.map((r) => ({
      kind: r.kind,
      actorId: r.actor_id,
      assigneeId: r.assignee_id,
      reason: r.reason,
      at: r.at,
    }));
  }

  async addComment(manager: EntityManager, taskId: string, c: TaskComment): Promise<void> {
    await manager.query(
      'INSERT INTO task_comment (id, task_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)',
      [c.id, taskId, c.authorId, c.body, c.createdAt],
    );
  }

  async comments(taskId: string): Promise<TaskComment[]> {
    const rows = await this.dataSource.query<{ id: string; author_id: string; body: string; created_at: Date }[]>(
      'SELECT id, author_id, body, created_at FROM task_comment WHERE task_id = $1 ORDER BY created_at, id',
      [taskId],
    );
    return rows.map((r) => ({ id: r.id, authorId: r.author_id, body: r.body, createdAt: r.created_at }));
  }

  async addDocument(manager: EntityManager, taskId: string, d: TaskDocument): Promise<void> {
    await manager.query(
      'INSERT INTO task_document (id, task_id, title, url, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [d.id, taskId, d.title, d.url, d.addedBy, d.addedAt],
    );
  }

  async documents(taskId: string): Promise<TaskDocument[]> {
    const rows = await this.dataSource.query<
      { id: string; title: string; url: string; added_by: string; added_at: Date }[]
    >('SELECT id, title, url, added_by, added_at FROM task_document WHERE task_id = $1 ORDER BY added_at, id', [
      taskId,
    ]);
    return rows.map((r) => ({ id: r.id, title: r.title, url: r.url, addedBy: r.added_by, addedAt: r.added_at }));
  }

  async list(filter: TaskListFilter, page: { limit: number; offset: number }) {
    const where = [
      '($1::uuid IS NULL OR assignee_id = $1)',
      '($2::text IS NULL OR group_name = $2)',
      '($3::text IS NULL OR status = $3)',
      '($4::uuid IS NULL OR case_id = $4)',
      '(NOT $5::boolean OR available_since IS NOT NULL)',
      '(NOT $6::boolean OR assignee_id IS NULL)',
      "($7::timestamptz IS NULL OR (status <> 'done' AND due_at <= $7))",
      "($8::timestamptz IS NULL OR (status <> 'done' AND due_at <= $8))",
      `(NOT $9::boolean OR (status <> 'done' AND EXISTS (SELECT 1 FROM overdue_notice n WHERE n.task_id = t.id AND n.level = 'escalation')))`,
    ].join(' AND ');
    const params = [
      filter.assigneeId ?? null,
      filter.group ?? null,
      filter.status ?? null,
      filter.caseId ?? null,
      filter.availableOnly ?? false,
      filter.unassigned ?? false,
      filter.overdueAt ?? null,
      filter.dueBy ?? null,
      filter.escalated ?? false,
    ];
    const rows = await this.dataSource.query<TaskRow[]>(
      `SELECT ${TASK_COLUMNS} FROM contract_task t WHERE ${where}
        ORDER BY due_at NULLS LAST, created_at, position LIMIT $10 OFFSET $11`,
      [...params, page.limit, page.offset],
    );
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM contract_task t WHERE ${where}`,
      params,
    );
    return { items: rows.map(toRecord), total };
  }

  /** Tasks not done whose due moment has passed: the overdue sweep's candidates. */
  async dueBy(now: Date, limit = 500): Promise<TaskRecord[]> {
    const rows = await this.dataSource.query<TaskRow[]>(
      // A task already escalated has nothing more to send: leave it out so it never starves newer ones.
      `SELECT * FROM contract_task t WHERE status <> 'done' AND due_at <= $1
          AND NOT EXISTS (SELECT 1 FROM overdue_notice n WHERE n.task_id = t.id AND n.level = 'escalation')
        ORDER BY due_at LIMIT $2`,
      [now, limit],
    );
    return rows.map(toRecord);
  }

  /** Locks the task row and answers whether it is still not done (a completion may have won the race). */
  async lockOpen(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query<{ status: TaskStatus }[]>(
      'SELECT status FROM contract_task WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows[0] !== undefined && rows[0].status !== TaskStatus.Done;
  }

  /** Claims the notice key; true when this call is the first (the caller then emits, in the same transaction). */
  async claimNotice(manager: EntityManager, key: string, taskId: string, level: string, now: Date): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'INSERT INTO overdue_notice (key, task_id, level, sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key',
      [key, taskId, level, now],
    );
    return rows.length === 1;
  }
}
