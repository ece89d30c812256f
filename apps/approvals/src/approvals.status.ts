import { HttpStatus } from '@nestjs/common';
import { ApprovalErrorCode } from '@dealgate/domain';
import { StatusForCode, statusMap } from '@dealgate/common';

// 409: the request moved on (closed, another step, another version); 403: the caller may not decide it; 422: the
// input breaks a rule.
const APPROVAL_STATUS: Record<ApprovalErrorCode, number> = {
  [ApprovalErrorCode.PolicyInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ApprovalErrorCode.PolicyNotFound]: HttpStatus.NOT_FOUND,
  [ApprovalErrorCode.PolicyKindMismatch]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ApprovalErrorCode.UnitRequired]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ApprovalErrorCode.EmptyChain]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ApprovalErrorCode.ForbiddenOwnRequest]: HttpStatus.FORBIDDEN,
  [ApprovalErrorCode.NotEligible]: HttpStatus.FORBIDDEN,
  [ApprovalErrorCode.WrongUnit]: HttpStatus.FORBIDDEN,
  [ApprovalErrorCode.AdminNotApprover]: HttpStatus.FORBIDDEN,
  [ApprovalErrorCode.RequestClosed]: HttpStatus.CONFLICT,
  [ApprovalErrorCode.StaleStep]: HttpStatus.CONFLICT,
  [ApprovalErrorCode.CommentRequired]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ApprovalErrorCode.RecallNotRequester]: HttpStatus.FORBIDDEN,
  [ApprovalErrorCode.RequestNotFound]: HttpStatus.NOT_FOUND,
  [ApprovalErrorCode.DelegationInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ApprovalErrorCode.DelegationNotFound]: HttpStatus.NOT_FOUND,
  [ApprovalErrorCode.VersionConflict]: HttpStatus.CONFLICT,
};

/** The approvals service's code -> HTTP status map (common codes such as not_found fall through to the filter). */
export const approvalsStatusForCode: StatusForCode = statusMap(APPROVAL_STATUS);
