import { HttpStatus } from '@nestjs/common';
import { ServiceDefinition } from '@dealgate/chassis';
import { ApprovalErrorCode } from '@dealgate/domain';
import { ServiceName } from '@dealgate/messages';
import { ApprovalsEnv } from './approvals.env';
import { ApprovalsModule } from './approvals.module';
import openapiMetadata from './openapi.metadata';

/** Every approval error code and its HTTP status; exhaustive, so a new code is a compile error here. */
const STATUS: Record<ApprovalErrorCode, number> = {
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

export const approvalsService: ServiceDefinition<ApprovalsEnv> = {
  service: ServiceName.Approvals,
  envClass: ApprovalsEnv,
  module: (config, queue) => ApprovalsModule.forRoot(config, queue),
  app: {
    openapiMetadata,
    statusForCode: (code) => STATUS[code as ApprovalErrorCode],
  },
};
