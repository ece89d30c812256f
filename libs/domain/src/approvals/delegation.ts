import { Role } from '../roles';
import { ApprovalErrorCode, approvalError } from './approval-error';

/** What an approver asks for when they let a colleague decide in their place. */
export interface DelegationDraft {
  readonly approverId: string;
  readonly approverRoles: readonly Role[];
  readonly delegateId: string;
  /** Null when the delegate is unknown to the directory or inactive. */
  readonly delegateActive: boolean | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** Longest range one delegation may cover: a long absence is a reassignment, not a delegation. */
export const MAX_DELEGATION_DAYS = 92;

const DAY_MS = 86_400_000;

/** Every problem of a delegation draft, by field (empty: valid). */
export function validateDelegation(
  draft: DelegationDraft,
  now: Date,
): readonly { readonly field: string; readonly message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (draft.approverRoles.length === 0 || draft.approverRoles.every((role) => role === Role.Admin)) {
    errors.push({ field: 'approverId', message: 'Only an approver can delegate; administrators take no approvals.' });
  }
  if (draft.delegateId === draft.approverId) {
    errors.push({ field: 'delegateId', message: 'Delegate to a colleague, not to yourself.' });
  } else if (draft.delegateActive !== true) {
    errors.push({ field: 'delegateId', message: 'The delegate must be an active user.' });
  }
  if (draft.endsAt.getTime() <= draft.startsAt.getTime()) {
    errors.push({ field: 'endsAt', message: 'The end must come after the start.' });
  } else if (draft.endsAt.getTime() - draft.startsAt.getTime() > MAX_DELEGATION_DAYS * DAY_MS) {
    errors.push({ field: 'endsAt', message: `A delegation may last at most ${MAX_DELEGATION_DAYS} days.` });
  }
  if (draft.endsAt.getTime() <= now.getTime()) {
    errors.push({ field: 'endsAt', message: 'The delegation would already be over.' });
  }
  return errors;
}

/** Throws `approval.delegation_invalid` with the field errors in `details.errors`. */
export function assertValidDelegation(draft: DelegationDraft, now: Date): void {
  const errors = validateDelegation(draft, now);
  if (errors.length > 0) {
    throw approvalError(
      ApprovalErrorCode.DelegationInvalid,
      `The delegation is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join(' ')}`,
      { errors },
    );
  }
}
