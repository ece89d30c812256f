import { DomainError } from '../domain-error';

/**
 * Codes of the broken rules of the contract stage. Values are sent on the wire and mapped to HTTP statuses by the
 * contracts app: never rename a value.
 */
export enum ContractErrorCode {
  InvalidTerms = 'contract.invalid_terms',
  TemplateInvalid = 'contract.template_invalid',
  TemplateDuplicateKey = 'contract.template_duplicate_key',
  TemplateSelfDependency = 'contract.template_self_dependency',
  TemplateUnknownDependency = 'contract.template_unknown_dependency',
  TemplateCycle = 'contract.template_cycle',
  TemplateGroupNotAllowed = 'contract.template_group_not_allowed',
  SalespersonExcluded = 'contract.salesperson_excluded',
  NotGroupMember = 'contract.not_group_member',
  NotGroupLead = 'contract.not_group_lead',
  NotAssignee = 'contract.not_assignee',
  AssigneeNotGroupMember = 'contract.assignee_not_group_member',
  AlreadyAssigned = 'contract.already_assigned',
  TaskNotAvailable = 'contract.task_not_available',
  TaskAlreadyClaimed = 'contract.task_already_claimed',
  TaskNotClaimed = 'contract.task_not_claimed',
  TaskAlreadyDone = 'contract.task_already_done',
  ReturnReasonRequired = 'contract.return_reason_required',
  SigningBlocked = 'contract.signing_blocked',
}

/** A `DomainError` carrying a contract code. */
export type ContractError = DomainError<ContractErrorCode>;

export function contractError(
  code: ContractErrorCode,
  message: string,
  details?: Record<string, unknown>,
): DomainError<ContractErrorCode> {
  return new DomainError(code, message, details);
}
