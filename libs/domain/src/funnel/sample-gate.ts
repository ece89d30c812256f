import { Role } from '../roles';
import { Written, wroteIt } from './authorship';
import { FunnelActor, hasRole } from './funnel-actor';
import { funnelError, FunnelErrorCode } from './funnel-error';
import { isFilled } from './text';

/** A target sample as far as its approval needs it. */
export interface SampleForApproval extends Written {
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

/** Nobody who wrote the sample decides it: `deciders` are the person deciding and whoever they stand in for. */
export function assertSampleNotDecidedByWriter(
  sample: Written,
  ...deciders: readonly (string | null | undefined)[]
): void {
  if (wroteIt(sample, ...deciders)) {
    throw funnelError(
      FunnelErrorCode.SampleApproverIsAuthor,
      'A target sample cannot be approved by anyone who wrote it.',
    );
  }
}

/**
 * Only the owner approves a target sample, and never one they wrote or edited. `approver` is the authority (the
 * owner a delegate stands in for); `decidedBy`, the person who decided (the delegate), must not have written it either.
 */
export function assertSampleApprover(
  sample: Written,
  approver: FunnelActor,
  decidedBy: string | null = approver.userId,
): void {
  assertSampleNotDecidedByWriter(sample, decidedBy, approver.userId);
  if (!hasRole(approver, Role.Owner)) {
    throw funnelError(FunnelErrorCode.SampleApproverNotOwner, 'Only the owner may approve a target sample.');
  }
}
