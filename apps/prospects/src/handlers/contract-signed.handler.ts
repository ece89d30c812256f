import { Logger } from '@nestjs/common';
import { FunnelEventKind, ProspectStatus } from '@dealgate/domain';
import { ContractSignedPayload, JobName } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';
import { FunnelTransitions } from '../prospects/funnel-transitions';
import { ProspectRepository } from '../prospects/prospect.repository';

/** The signature reported by contracts makes the prospect won. */
@HandlesJob(JobName.ContractSigned)
export class ContractSignedHandler implements JobHandler<typeof JobName.ContractSigned> {
  private readonly logger = new Logger(ContractSignedHandler.name);

  constructor(
    private readonly prospects: ProspectRepository,
    private readonly transitions: FunnelTransitions,
  ) {}

  async handle(p: ContractSignedPayload, { manager }: JobContext): Promise<void> {
    const prospect = await this.prospects.findById(manager, p.prospectId, true);
    if (!prospect || prospect.status === ProspectStatus.Won) {
      // Unknown, or already won by an earlier report of the same signature.
      if (!prospect) this.logger.warn(`contract.signed for unknown prospect ${p.prospectId}`);
      return;
    }
    // Any other refusal (wrong stage, lost) is a real inconsistency: let it fail and reach the dead letters.
    await this.transitions.apply(
      manager,
      prospect,
      { kind: FunnelEventKind.ContractSigned, contractId: p.caseId },
      p.signedBy ?? null,
      new Date(p.signedAt),
    );
  }
}
