import { ContractTasksDuePayload, JobName } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';
import { ForecastRepository } from './forecast.repository';

/** Keeps contracts' report of when a prospect's contract tasks are due, for the forecast (forecast.repository.ts). */
@HandlesJob(JobName.ContractTasksDue)
export class ContractTasksDueHandler implements JobHandler<typeof JobName.ContractTasksDue> {
  constructor(private readonly forecast: ForecastRepository) {}

  async handle(p: ContractTasksDuePayload, { manager }: JobContext): Promise<void> {
    await this.forecast.recordContractDue(manager, {
      prospectId: p.prospectId,
      caseId: p.caseId,
      sequence: p.sequence,
      dueAt: p.dueAt === null ? null : new Date(p.dueAt),
      openTasks: p.openTasks,
      reportedAt: new Date(p.at),
    });
  }
}
