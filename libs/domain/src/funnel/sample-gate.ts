import { Role } from '../roles';
import { FunnelActor, hasRole } from './funnel-actor';
import { funnelError, FunnelErrorCode } from './funnel-error';
import { isFilled } from './text';

/** A target sample as far as its approval needs it. */
export interface SampleForApproval {
  readonly authorId: string;
  /** Segment criteria and why these companies: a copied directory list is not a sample. */
  readonly rationale: string | null;
}

export function assertSampleRationale(sample: Pick<SampleForApproval, 'rationale'>): void {
  if (!isFilled(sample.rationale)) {
    throw funnelError(
      FunnelErrorCode.SampleRationaleRequired,
      'A target sample must state its segment criteria and rationale.',
    );
  }
}

/** Only the owner approves a target sample, and never one they wrote themselves. */
export function assertSampleApprover(sample: Pick<SampleForApproval, 'authorId'>, approver: FunnelActor): void {
  if (!hasRole(approver, Role.Owner)) {
    throw funnelError(FunnelErrorCode.SampleApproverNotOwner, 'Only the owner may approve a target sample.');
  }
  if (approver.userId === sample.authorId) {
    throw funnelError(FunnelErrorCode.SampleApproverIsAuthor, 'A target sample cannot be approved by its own author.');
  }
}
