import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@dealgate/auth';
import { Clock } from '@dealgate/common';
import { TaskCommand, TaskCommandType, TaskStatus, applyTaskCommand, blockersOf } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { ContractActor, ContractActorService } from '../access/contract-actor.service';
import { ContractCaseRecord } from '../cases/case.records';
import { CasesRepository } from '../cases/cases.repository';
import { TaskQueriesService } from './task-queries.service';
import { TaskReleaseService } from './task-release.service';
import { TasksDuePublisher } from './tasks-due.publisher';
import { assertMayAnnotate, taskAccess, taskNotFound } from './task-guard';
import { TaskRecord } from './task.records';
import { TaskDetailView } from './task.view';
import { TasksRepository } from './tasks.repository';

interface Locked {
  actor: ContractActor;
  contractCase: ContractCaseRecord;
  task: TaskRecord;
  caseTasks: TaskRecord[];
  level: ReturnType<typeof taskAccess>;
}

/** Claim, complete (with a result), return, reassign, comment and link documents; every write locks the task's case. */
@Injectable()
export class TaskCommandsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksRepository,
    private readonly cases: CasesRepository,
    private readonly release: TaskReleaseService,
    private readonly tasksDue: TasksDuePublisher,
    private readonly actors: ContractActorService,
    private readonly clock: Clock,
    private readonly queries: TaskQueriesService,
  ) {}

  // The case lock serialises every change to its tasks: two claims, or two completions releasing the same
  // dependent task, have exactly one winner.
  private async locked(manager: EntityManager, user: Principal, id: string): Promise<Locked> {
    const found = await this.tasks.find(id, manager);
    if (!found) throw taskNotFound(id);
    const contractCase = await this.cases.lock(manager, found.caseId);
    const caseTasks = await this.tasks.forCase(found.caseId, manager);
    const task = caseTasks.find((t) => t.id === id) ?? null;
    const actor = await this.actors.actorFor(user, manager);
    const level = taskAccess(actor, contractCase, task, id);
    return { actor, contractCase: contractCase!, task: task!, caseTasks, level };
  }

  async run(
    user: Principal,
    id: string,
    command: (manager: EntityManager) => Promise<TaskCommand> | TaskCommand,
    result: string | null = null,
  ): Promise<TaskDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const { actor, contractCase, task, caseTasks } = await this.locked(manager, user, id);
      const graph = caseTasks.map((t) => ({ key: t.key, status: t.status, dependsOn: t.dependsOn, doneAt: t.doneAt }));
      const transition = applyTaskCommand(
        {
          key: task.key,
          group: task.group,
          status: task.status,
          assigneeId: task.assigneeId,
          blockedBy: blockersOf(task.key, graph),
        },
        actor,
        await command(manager),
      );
      const now = this.clock.now();
      await this.tasks.saveState(manager, id, {
        status: transition.to,
        assigneeId: transition.assigneeId,
        doneAt: transition.to === TaskStatus.Done ? now : null,
        result: transition.to === TaskStatus.Done ? result : null,
      });
      await this.tasks.addEvent(manager, id, {
        kind: transition.command,
        actorId: actor.userId,
        assigneeId: transition.assigneeId,
        reason: transition.reason,
        at: now,
      });
      if (transition.command === TaskCommandType.Complete) {
        await this.release.release(manager, contractCase.id, contractCase.openedAt);
        // A task done changes what signing waits for (claims, returns and reassignments do not).
        await this.tasksDue.publish(manager, contractCase);
      } else if (transition.command === TaskCommandType.Return || transition.command === TaskCommandType.Reassign) {
        // Back in the group queue, or in someone's hands: tell them.
        await emitJob(manager, JobName.TaskAssigned, {
          taskId: id,
          caseId: contractCase.id,
          group: task.group,
          assigneeId: transition.assigneeId,
          title: task.title,
          dueAt: task.dueAt ? task.dueAt.toISOString() : null,
        });
      }
    });
    return this.queries.get(user, id);
  }

  claim(user: Principal, id: string): Promise<TaskDetailView> {
    return this.run(user, id, () => ({ type: TaskCommandType.Claim }));
  }

  /** Done, with what the assignee reports (stored with the task; blank means none). */
  complete(user: Principal, id: string, result?: string): Promise<TaskDetailView> {
    const text = result?.trim() ? result.trim() : null;
    return this.run(user, id, () => ({ type: TaskCommandType.Complete }), text);
  }

  giveBack(user: Principal, id: string, reason: string): Promise<TaskDetailView> {
    return this.run(user, id, () => ({ type: TaskCommandType.Return, reason }));
  }

  reassign(user: Principal, id: string, assigneeId: string): Promise<TaskDetailView> {
    return this.run(user, id, async (manager) => ({
      type: TaskCommandType.Reassign,
      to: await this.actors.assignee(assigneeId, manager),
    }));
  }

  async comment(user: Principal, id: string, body: string): Promise<TaskDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const { actor, contractCase, level } = await this.locked(manager, user, id);
      assertMayAnnotate(actor, contractCase, level);
      await this.tasks.addComment(manager, id, {
        id: randomUUID(),
        authorId: actor.userId,
        body: body.trim(),
        createdAt: this.clock.now(),
      });
    });
    return this.queries.get(user, id);
  }

  async linkDocument(user: Principal, id: string, doc: { title: string; url: string }): Promise<TaskDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const { actor, contractCase, level } = await this.locked(manager, user, id);
      assertMayAnnotate(actor, contractCase, level);
      await this.tasks.addDocument(manager, id, {
        id: randomUUID(),
        title: doc.title.trim(),
        url: doc.url,
        addedBy: actor.userId,
        addedAt: this.clock.now(),
      });
    });
    return this.queries.get(user, id);
  }
}
