import { HttpStatus } from '@nestjs/common';
import { ContractErrorCode } from '@dealgate/domain';
import { StatusForCode, statusMap } from '@dealgate/common';

// 422: the input breaks a rule (terms, templates, a missing reason); 403: the caller may not do it (the
// salesperson is excluded, not in the group, not the assignee); 409: the task or case is not in a state for it.
const CONTRACT_STATUS: Record<ContractErrorCode, number> = {
  [ContractErrorCode.InvalidTerms]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ContractErrorCode.TemplateInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ContractErrorCode.TemplateDuplicateKey]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ContractErrorCode.TemplateSelfDependency]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ContractErrorCode.TemplateUnknownDependency]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ContractErrorCode.TemplateCycle]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ContractErrorCode.TemplateGroupNotAllowed]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ContractErrorCode.AssigneeNotGroupMember]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ContractErrorCode.ReturnReasonRequired]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ContractErrorCode.SalespersonExcluded]: HttpStatus.FORBIDDEN,
  [ContractErrorCode.NotGroupMember]: HttpStatus.FORBIDDEN,
  [ContractErrorCode.NotGroupLead]: HttpStatus.FORBIDDEN,
  [ContractErrorCode.NotAssignee]: HttpStatus.FORBIDDEN,
  [ContractErrorCode.AlreadyAssigned]: HttpStatus.CONFLICT,
  [ContractErrorCode.TaskNotAvailable]: HttpStatus.CONFLICT,
  [ContractErrorCode.TaskAlreadyClaimed]: HttpStatus.CONFLICT,
  [ContractErrorCode.TaskNotClaimed]: HttpStatus.CONFLICT,
  [ContractErrorCode.TaskAlreadyDone]: HttpStatus.CONFLICT,
  [ContractErrorCode.SigningBlocked]: HttpStatus.CONFLICT,
};

/** The contracts service's code -> HTTP status map (common codes such as not_found fall through to the filter). */
export const contractsStatusForCode: StatusForCode = statusMap(CONTRACT_STATUS);
