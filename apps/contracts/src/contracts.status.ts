import { HttpStatus } from '@nestjs/common';
import { assertNever, ContractErrorCode } from '@dealgate/domain';

function contractStatus(code: ContractErrorCode): number {
  switch (code) {
    case ContractErrorCode.InvalidTerms:
    case ContractErrorCode.TemplateInvalid:
    case ContractErrorCode.TemplateDuplicateKey:
    case ContractErrorCode.TemplateSelfDependency:
    case ContractErrorCode.TemplateUnknownDependency:
    case ContractErrorCode.TemplateCycle:
    case ContractErrorCode.TemplateGroupNotAllowed:
    case ContractErrorCode.AssigneeNotGroupMember:
    case ContractErrorCode.ReturnReasonRequired:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ContractErrorCode.SalespersonExcluded:
    case ContractErrorCode.NotGroupMember:
    case ContractErrorCode.NotGroupLead:
    case ContractErrorCode.NotAssignee:
      return HttpStatus.FORBIDDEN;
    case ContractErrorCode.AlreadyAssigned:
    case ContractErrorCode.TaskNotAvailable:
    case ContractErrorCode.TaskAlreadyClaimed:
    case ContractErrorCode.TaskNotClaimed:
    case ContractErrorCode.TaskAlreadyDone:
    case ContractErrorCode.SigningBlocked:
      return HttpStatus.CONFLICT;
    default:
      return assertNever(code, 'contract error code');
  }
}

const CONTRACT_CODES = new Set<string>(Object.values(ContractErrorCode));

/** The one code -> status map of the contracts app (common codes such as not_found fall through to the filter). */
export function contractsStatusForCode(code: string): number | undefined {
  return CONTRACT_CODES.has(code) ? contractStatus(code as ContractErrorCode) : undefined;
}
