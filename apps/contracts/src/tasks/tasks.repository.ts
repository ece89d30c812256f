import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThanOrEqual, Not, SelectQueryBuilder } from 'typeorm';
import { OverdueLevel, TaskGroup, TaskStatus } from '@dealgate/domain';
import { hydrateRows } from '@dealgate/database';
import { OverdueNoticeEntity } from './overdue-notice.entity';
import { TaskCommentEntity } from './task-comment.entity';
import { TaskDocumentEntity } from './task-document.entity';
import { ContractTaskEntity } from './task.entity';
import { TaskEventEntity } from './task-event.entity';
import { NewTask, TaskComment, TaskDocument, TaskEvent, TaskRecord } from './task.records';

// A task is read with two facts kept elsewhere: whether its group lead was told (the sweep's escalation notice)
// and the case's company, so a task list can name the deal without a call per row. Written once, for the query
// builder's reads and the list's SQL alike (both alias the task `t`).
const ESCALATED_SQL = `EXISTS (SELECT 1 FROM overdue_notice n WHERE n.task_id = t.id AND n.level = '${OverdueLevel.Escalation}')`;
const COMPANY_NAME_SQL = '(SELECT c.company_name FROM contract_case c WHERE c.id = t.case_id)';

/** The facts as a read returns them, beside the task's own columns. */
interface TaskFacts {
  escalated: boolean | null;
  company_name: string | null;
}

const NO_FACTS: TaskFacts = { escalated: false, company_name: null };

const toRecord = (e: ContractTaskEntity, facts: TaskFacts): TaskRecord => ({
  id: e.id,
  caseId: e.caseId,
  key: e.key,
  title: e.title,
  group: e.group,
  dependsOn: e.dependsOn,
  dueDays: e.dueDays,
  required: e.required,
  position: e.position,
  status: e.status,
  assigneeId: e.assigneeId,
  availableSince: e.availableSince,
  dueAt: e.dueAt,
  doneAt: e.doneAt,
  result: e.result,
  createdAt: e.createdAt,
  version: e.version,
  escalated: facts.escalated === true,
  companyName: facts.company_name ?? null,
});

/** `version = version + 1`, as the query builder takes raw SQL for a value. */
const bumped = () => 'version + 1';

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

/**
 * Contract tasks, their events, comments and documents, and the overdue sweep's notices. Entities and rows stay in
 * here: callers give and get records (task.records.ts). Single-row reads and writes go through the entities (query
 * builder); the filtered list is set-based SQL read back as entities (hydrateRows).
 */
@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /** Tasks with their facts (TaskFacts), in the builder's order. */
  private async withFacts(
    manager: EntityManager,
    where: (qb: SelectQueryBuilder<ContractTaskEntity>) => SelectQueryBuilder<ContractTaskEntity>,
  ): Promise<TaskRecord[]> {
    const qb = manager
      .createQueryBuilder(ContractTaskEntity, 't')
      .addSelect(ESCALATED_SQL, 'escalated')
      .addSelect(COMPANY_NAME_SQL, 'company_name');
    // The raw rows carry the facts beside the entity's aliased columns (`t_id` among them).
    const { entities, raw } = await where(qb).getRawAndEntities<TaskFacts & { t_id: string }>();
    const facts = new Map(raw.map((r) => [r.t_id, r]));
    return entities.map((e) => toRecord(e, facts.get(e.id) ?? NO_FACTS));
  }

  async insert(manager: EntityManager, tasks: readonly NewTask[]): Promise<void> {
    if (tasks.length === 0) return;
    // Every column but version (the column's default, 1): typed as the entity so a column left out fails to compile.
    const rows = tasks.map((t): Omit<ContractTaskEntity, 'version'> => ({
      id: t.id,
      caseId: t.caseId,
      key: t.key,
      title: t.title,
      group: t.group,
      dependsOn: t.dependsOn,
      dueDays: t.dueDays,
      required: t.required,
      position: t.position,
      status: TaskStatus.Open,
      assigneeId: null,
      availableSince: null,
      dueAt: null,
      doneAt: null,
      result: null,
      createdAt: t.createdAt,
    }));
    await manager.createQueryBuilder().insert().into(ContractTaskEntity).values(rows).updateEntity(false).execute();
  }

  async forCase(caseId: string, manager?: EntityManager): Promise<TaskRecord[]> {
    return this.withFacts(this.db(manager), (qb) => qb.where({ caseId }).orderBy('t.position'));
  }

  async find(id: string, manager?: EntityManager): Promise<TaskRecord | null> {
    const [record] = await this.withFacts(this.db(manager), (qb) => qb.where({ id }));
    return record ?? null;
  }

  async saveState(
    manager: EntityManager,
    id: string,
    state: Pick<TaskRecord, 'status' | 'assigneeId' | 'doneAt' | 'result'>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ContractTaskEntity)
      .set({
        status: state.status,
        assigneeId: state.assigneeId,
        doneAt: state.doneAt,
        result: state.result,
        version: bumped,
      })
      .where({ id })
      .execute();
  }

  async markAvailable(manager: EntityManager, id: string, since: Date, dueAt: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ContractTaskEntity)
      .set({ availableSince: since, dueAt, version: bumped })
      .where({ id, availableSince: IsNull() })
      .execute();
  }

  /** The next `contract.tasks_due` sequence number; draw it while holding the case's lock (see its migration). */
  async nextTasksDueSequence(manager: EntityManager): Promise<number> {
    const [row] = await manager.query<{ n: string }[]>("SELECT nextval('contract_tasks_due_seq') AS n");
    return Number(row.n);
  }

  async addEvent(manager: EntityManager, taskId: string, e: TaskEvent): Promise<void> {
    // No id: the table's sequence numbers the events.
    const row: Omit<TaskEventEntity, 'id'> = {
      taskId,
      kind: e.kind,
      actorId: e.actorId,
      assigneeId: e.assigneeId,
      reason: e.reason,
      at: e.at,
    };
    await manager.createQueryBuilder().insert().into(TaskEventEntity).values(row).updateEntity(false).execute();
  }

  async events(taskId: string): Promise<TaskEvent[]> {
    const entities = await this.dataSource.manager.find(TaskEventEntity, { where: { taskId }, order: { id: 'ASC' } });
    return entities.map((e) => ({
      kind: e.kind,
      actorId: e.actorId,
      assigneeId: e.assigneeId,
      reason: e.reason,
      at: e.at,
    }));
  }

  async addComment(manager: EntityManager, taskId: string, c: TaskComment): Promise<void> {
    const row: TaskCommentEntity = { id: c.id, taskId, authorId: c.authorId, body: c.body, createdAt: c.createdAt };
    await manager.createQueryBuilder().insert().into(TaskCommentEntity).values(row).updateEntity(false).execute();
  }

  async comments(taskId: string): Promise<TaskComment[]> {
    const entities = await this.dataSource.manager.find(TaskCommentEntity, {
      where: { taskId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return entities.map((e) => ({ id: e.id, authorId: e.authorId, body: e.body, createdAt: e.createdAt }));
  }

  async addDocument(manager: EntityManager, taskId: string, d: TaskDocument): Promise<void> {
    const row: TaskDocumentEntity = {
      id: d.id,
      taskId,
      title: d.title,
      url: d.url,
      addedBy: d.addedBy,
      addedAt: d.addedAt,
    };
    await manager.createQueryBuilder().insert().into(TaskDocumentEntity).values(row).updateEntity(false).execute();
  }

  async documents(taskId: string): Promise<TaskDocument[]> {
    const entities = await this.dataSource.manager.find(TaskDocumentEntity, {
      where: { taskId },
      order: { addedAt: 'ASC', id: 'ASC' },
    });
    return entities.map((e) => ({ id: e.id, title: e.title, url: e.url, addedBy: e.addedBy, addedAt: e.addedAt }));
  }

  async list(filter: TaskListFilter, page: { limit: number; offset: number }) {
    const where = [
      '($1::uuid IS NULL OR t.assignee_id = $1)',
      '($2::text IS NULL OR t.group_name = $2)',
      '($3::text IS NULL OR t.status = $3)',
      '($4::uuid IS NULL OR t.case_id = $4)',
      '(NOT $5::boolean OR t.available_since IS NOT NULL)',
      '(NOT $6::boolean OR t.assignee_id IS NULL)',
      "($7::timestamptz IS NULL OR (t.status <> 'done' AND t.due_at <= $7))",
      "($8::timestamptz IS NULL OR (t.status <> 'done' AND t.due_at <= $8))",
      `(NOT $9::boolean OR (t.status <> 'done' AND ${ESCALATED_SQL}))`,
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
    const manager = this.dataSource.manager;
    const rows = await manager.query<(Record<string, unknown> & TaskFacts)[]>(
      `SELECT t.*, ${ESCALATED_SQL} AS escalated, ${COMPANY_NAME_SQL} AS company_name
         FROM contract_task t WHERE ${where}
        ORDER BY t.due_at NULLS LAST, t.created_at, t.position LIMIT $10 OFFSET $11`,
      [...params, page.limit, page.offset],
    );
    const [{ total }] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM contract_task t WHERE ${where}`,
      params,
    );
    const entities = hydrateRows(manager, ContractTaskEntity, rows);
    return { items: entities.map((e, i) => toRecord(e, rows[i])), total };
  }

  /** Tasks not done whose due moment has passed: the overdue sweep's candidates. */
  async dueBy(now: Date, limit = 500): Promise<TaskRecord[]> {
    const entities = await this.dataSource.manager
      .createQueryBuilder(ContractTaskEntity, 't')
      .where({ status: Not(TaskStatus.Done), dueAt: LessThanOrEqual(now) })
      // A task already escalated has nothing more to send: leave it out so it never starves newer ones.
      .andWhere(`NOT ${ESCALATED_SQL}`)
      .orderBy('t.dueAt')
      .limit(limit)
      .getMany();
    return entities.map((e) => toRecord(e, NO_FACTS));
  }

  /** Locks the task row and answers whether it is still not done (a completion may have won the race). */
  async lockOpen(manager: EntityManager, id: string): Promise<boolean> {
    const entity = await manager
      .createQueryBuilder(ContractTaskEntity, 't')
      .setLock('pessimistic_write')
      .where({ id })
      .getOne();
    return entity !== null && entity.status !== TaskStatus.Done;
  }

  /** Claims the notice key; true when this call is the first (the caller then emits, in the same transaction). */
  async claimNotice(
    manager: EntityManager,
    key: string,
    taskId: string,
    level: OverdueLevel,
    now: Date,
  ): Promise<boolean> {
    const row: OverdueNoticeEntity = { key, taskId, level, sentAt: now };
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OverdueNoticeEntity)
      .values(row)
      // The key is the table's primary key: ON CONFLICT DO NOTHING.
      .orIgnore()
      .returning('key')
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length === 1;
  }
}
