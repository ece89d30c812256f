import { JobName, OfferDefendedPayload } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';
import { CaseOpeningService } from './case-opening.service';

/** An accepted defence hands the deal to legal and accounting: one contract case per offer. */
@HandlesJob(JobName.OfferDefended)
export class OfferDefendedHandler implements JobHandler<typeof JobName.OfferDefended> {
  constructor(private readonly opening: CaseOpeningService) {}

  async handle(payload: OfferDefendedPayload, { manager }: JobContext): Promise<void> {
    await this.opening.open(manager, payload);
  }
}
