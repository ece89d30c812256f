import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GraphTask, availableSince, dueAtFrom, taskAvailability } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { TaskRecord } from './task.records';
import { TasksRepository } from './tasks.repository';

const toGraph = (t: TaskRecord): GraphTask => ({
  key: t.key,
  status: t.status,
  dependsOn: t.dependsOn,
  doneAt: t.doneAt,
});

/**
 * Starts the due period of every task whose dependencies are now done and tells its group (or assignee):
 * `task.assigned` goes out once per task, when it becomes available. Call inside the transaction that locked the case.
 */
@Injectable()
export class TaskReleaseService {
  constructor(private readonly tasks: TasksRepository) {}

  async release(manager: EntityManager, caseId: string, caseOpenedAt: Date): Promise<TaskRecord[]> {
    const tasks = await this.tasks.forCase(caseId, manager);
    const graph = tasks.map(toGraph);
    const released: TaskRecord[] = [];
    for (const [i, state] of taskAvailability(graph).entries()) {
      const task = tasks[i];
      if (state.state !== 'available' || task.availableSince !== null) continue;
      // A task added later (the handover) starts when it was created, not when the case opened.
      const since = new Date(
        Math.max(availableSince(task.key, graph, caseOpenedAt)!.getTime(), task.createdAt.getTime()),
      );
      const dueAt = dueAtFrom(since, task.dueDays);
      await this.tasks.markAvailable(manager, task.id, since, dueAt);
      await emitJob(manager, JobName.TaskAssigned, {
        taskId: task.id,
        caseId,
        group: task.group,
        assigneeId: task.assigneeId,
        title: task.title,
        dueAt: dueAt.toISOString(),
      });
      released.push({ ...task, availableSince: since, dueAt });
    }
    return released;
  }
}
