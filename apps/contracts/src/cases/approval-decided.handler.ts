import { ApprovalDecidedPayload, JobName } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';
import { DeviationService } from './deviation.service';

/** Decisions about contract deviations; decisions about samples and offers belong to prospects. */
@HandlesJob(JobName.ApprovalDecided)
export class ApprovalDecidedHandler implements JobHandler<typeof JobName.ApprovalDecided> {
  constructor(private readonly deviations: DeviationService) {}

  async handle(payload: ApprovalDecidedPayload, { manager }: JobContext): Promise<void> {
    if (payload.subjectKind !== 'contract_deviation') return;
    await this.deviations.decided(manager, payload);
  }
}
