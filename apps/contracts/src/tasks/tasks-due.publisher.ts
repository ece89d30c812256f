import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@dealgate/common';
import { signingDue } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { TasksRepository } from './tasks.repository';

/**
 * Tells the prospects service when the work signing waits for is due (`contract.tasks_due`), for its forecast. Call
 * inside the transaction that changed the case's tasks, after the release, while holding the case's lock (or having
 * just created the case): the sequence is then drawn in commit order.
 */
@Injectable()
export class TasksDuePublisher {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly clock: Clock,
  ) {}

  async publish(manager: EntityManager, c: { id: string; prospectId: string; openedAt: Date }): Promise<void> {
    const tasks = await this.tasks.forCase(c.id, manager);
    const due = signingDue(tasks, c.openedAt);
    await emitJob(manager, JobName.ContractTasksDue, {
      caseId: c.id,
      prospectId: c.prospectId,
      dueAt: due.dueAt ? due.dueAt.toISOString() : null,
      openTasks: due.openTasks,
      sequence: await this.tasks.nextTasksDueSequence(manager),
      at: this.clock.now().toISOString(),
    });
  }
}
