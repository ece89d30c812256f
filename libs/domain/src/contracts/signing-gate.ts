import { assertNever } from '../domain-error';
import { ContractErrorCode, contractError } from './contract-error';
import { TaskStatus } from './task-graph';
import type { OfferTermsSnapshot } from './terms';
import { diffTerms } from './terms-diff';

/** State of the approval requested for the deviations, as reported by the approvals service. */
export enum DeviationApprovalStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
}

export interface DeviationApproval {
  status: DeviationApprovalStatus;
  /** The terms revision the approval was requested for. */
  termsRevision: number;
}

/** What the gate needs of a contract case. */
export interface SigningCase {
  signedAt: Date | null;
  tasks: readonly { key: string; title: string; required: boolean; status: TaskStatus }[];
  baseline: OfferTermsSnapshot;
  terms: OfferTermsSnapshot;
  /** Bumped on every terms edit. */
  termsRevision: number;
  /** The latest approval request for the deviations, if any. */
  deviationApproval: DeviationApproval | null;
}

export type SigningBlocker =
  | { kind: 'already_signed'; signedAt: Date }
  | { kind: 'required_task_not_done'; taskKey: string; title: string }
  | { kind: 'deviation_not_approved'; deviations: number }
  | { kind: 'deviation_approval_pending'; deviations: number }
  | { kind: 'deviation_rejected'; deviations: number };

function deviationBlocker(input: SigningCase): SigningBlocker | null {
  const deviations = diffTerms(input.baseline, input.terms).length;
  if (deviations === 0) return null;
  const approval = input.deviationApproval;
  // An approval given for an earlier revision covers terms nobody approved: a later edit voids it.
  if (approval === null || approval.termsRevision !== input.termsRevision) {
    return { kind: 'deviation_not_approved', deviations };
  }
  switch (approval.status) {
    case DeviationApprovalStatus.Approved:
      return null;
    case DeviationApprovalStatus.Pending:
      return { kind: 'deviation_approval_pending', deviations };
    case DeviationApprovalStatus.Rejected:
      return { kind: 'deviation_rejected', deviations };
    default:
      return assertNever(approval.status, 'deviation approval status');
  }
}

/**
 * Everything that stops signing, empty when the contract may be signed. A signed case reports only that:
 * the rest no longer matters. Required tasks come in the case's task order, then the deviation blocker.
 */
export function signingBlockers(input: SigningCase): SigningBlocker[] {
  if (input.signedAt !== null) return [{ kind: 'already_signed', signedAt: input.signedAt }];
  const blockers: SigningBlocker[] = input.tasks
    .filter((t) => t.required && t.status !== TaskStatus.Done)
    .map((t) => ({ kind: 'required_task_not_done', taskKey: t.key, title: t.title }));
  const deviation = deviationBlocker(input);
  if (deviation) blockers.push(deviation);
  return blockers;
}

const plural = (n: number): string => (n === 1 ? '1 deviation' : `${n} deviations`);

/** A sentence naming what is missing. */
export function describeSigningBlocker(blocker: SigningBlocker): string {
  switch (blocker.kind) {
    case 'already_signed':
      return `The contract was already signed on ${blocker.signedAt.toISOString().slice(0, 10)}.`;
    case 'required_task_not_done':
      return `The required task "${blocker.title}" is not done.`;
    case 'deviation_not_approved':
      return `The terms differ from the approved offer (${plural(blocker.deviations)}) and need approval.`;
    case 'deviation_approval_pending':
      return `The approval of the terms deviation (${plural(blocker.deviations)}) is still pending.`;
    case 'deviation_rejected':
      return `The terms deviation (${plural(blocker.deviations)}) was rejected: revert the terms or request approval again.`;
    default:
      return assertNever(blocker, 'signing blocker');
  }
}

/** Throws `contract.signing_blocked` naming every blocker; the blockers are in `details.blockers`. */
export function assertCanSign(input: SigningCase): void {
  const blockers = signingBlockers(input);
  if (blockers.length > 0) {
    throw contractError(
      ContractErrorCode.SigningBlocked,
      `The contract cannot be signed yet. ${blockers.map(describeSigningBlocker).join(' ')}`,
      { blockers },
    );
  }
}
