import { DomainError } from '../domain-error';

/** Stable codes of broken approval rules. Values are sent on the wire: never rename. */
export enum ApprovalErrorCode {
  PolicyInvalid = 'approval.policy_invalid',
  PolicyNotFound = 'approval.policy_not_found',
  PolicyKindMismatch = 'approval.policy_kind_mismatch',
  UnitRequired = 'approval.unit_required',
  EmptyChain = 'approval.empty_chain',
  ForbiddenOwnRequest = 'approval.forbidden_own_request',
  NotEligible = 'approval.not_eligible',
  WrongUnit = 'approval.wrong_unit',
  AdminNotApprover = 'approval.admin_not_approver',
  RequestClosed = 'approval.request_closed',
  StaleStep = 'approval.stale_step',
  CommentRequired = 'approval.comment_required',
  RecallNotRequester = 'approval.recall_not_requester',
  RequestNotFound = 'approval.request_not_found',
  DelegationInvalid = 'approval.delegation_invalid',
  DelegationNotFound = 'approval.delegation_not_found',
  VersionConflict = 'approval.version_conflict',
}

export type ApprovalError = DomainError<ApprovalErrorCode>;

export function approvalError(
  code: ApprovalErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ApprovalError {
  return new DomainError(code, message, details);
}

export function isApprovalError(error: unknown): error is ApprovalError {
  return (
    error instanceof DomainError &&
    (Object.values(ApprovalErrorCode) as readonly string[]).includes((error as DomainError).code)
  );
}
