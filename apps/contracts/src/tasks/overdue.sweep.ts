import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CHASSIS_OPTIONS, ChassisOptions } from '@dealgate/chassis';
import { overdueNotices } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { Sweep, emitJob } from '@dealgate/messaging';
import { ContractsEnv } from '../contracts.env';
import { TasksRepository } from './tasks.repository';

/**
 * Reminds the assignee (or the group queue) when a task falls due and tells the group lead after the grace
 * period. The notice key row and the `task.overdue` outbox row commit together, so each task gets exactly one
 * notice per level however often, or on however many replicas, the sweep runs.
 */
@Injectable()
export class OverdueTasksSweep implements Sweep {
  readonly name = 'overdue-tasks';
  readonly everyMs: number;
  private readonly graceHours: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TasksRepository,
    @Inject(CHASSIS_OPTIONS) options: ChassisOptions,
  ) {
    const config = options.config as ContractsEnv;
    this.everyMs = config.TASK_SWEEP_EVERY_MS;
    this.graceHours = config.TASK_ESCALATION_GRACE_HOURS;
  }

  async run(now: Date): Promise<void> {
    for (const task of await this.tasks.dueBy(now)) {
      for (const notice of overdueNotices({ ...task, taskId: task.id }, now, this.graceHours)) {
        await this.dataSource.transaction(async (manager) => {
          if (!(await this.tasks.lockOpen(manager, task.id))) return;
          if (!(await this.tasks.claimNotice(manager, notice.idempotencyKey, task.id, notice.level, now))) return;
          await emitJob(manager, JobName.TaskOverdue, {
            taskId: task.id,
            caseId: task.caseId,
            group: task.group,
            assigneeId: task.assigneeId,
            level: notice.level,
            title: task.title,
            dueAt: task.dueAt!.toISOString(),
          });
        });
      }
    }
  }
}
