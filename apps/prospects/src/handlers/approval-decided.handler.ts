import { ApprovalDecidedPayload, JobName } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';
import { OfferDecision } from '../offers/offer-decision';
import { SampleDecision } from '../samples/sample-decision';

/** Decisions on the funnel's subjects (target samples, offers); other kinds belong to other services. */
@HandlesJob(JobName.ApprovalDecided)
export class ApprovalDecidedHandler implements JobHandler<typeof JobName.ApprovalDecided> {
  constructor(
    private readonly samples: SampleDecision,
    private readonly offers: OfferDecision,
  ) {}

  // The transition is dated when the approver decided, not when the job happened to run.
  async handle(payload: ApprovalDecidedPayload, { manager }: JobContext): Promise<void> {
    switch (payload.subjectKind) {
      case 'target_sample':
        return this.samples.apply(manager, payload, new Date(payload.decidedAt));
      case 'offer':
        return this.offers.apply(manager, payload, new Date(payload.decidedAt));
      case 'contract_deviation':
        return;
    }
  }
}
