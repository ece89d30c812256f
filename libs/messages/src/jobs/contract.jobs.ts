import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import type { PayloadsOf } from './payloads-of';

/** Published by the contracts service. */
export const ContractJob = {
  ContractOpened: 'contract.opened',
  TaskAssigned: 'task.assigned',
  TaskOverdue: 'task.overdue',
  ContractSigned: 'contract.signed',
} as const;

export class ContractOpenedPayload {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  prospectId!: string;

  @IsUUID()
  offerId!: string;

  @IsUUID()
  salespersonId!: string;

  @IsUUID()
  unitId!: string;

  @IsISO8601()
  openedAt!: string;
}

export class TaskAssignedPayload {
  @IsUUID()
  taskId!: string;

  @IsUUID()
  caseId!: string;

  /** `legal`, `accounting` or `delivery`. */
  @IsString()
  @MaxLength(40)
  group!: string;

  /** null: the task waits in the group's queue. */
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  assigneeId!: string | null;

  @IsString()
  @MaxLength(200)
  title!: string;

  @ValidateIf((_, v) => v !== null)
  @IsISO8601()
  dueAt!: string | null;
}

export class TaskOverduePayload {
  @IsUUID()
  taskId!: string;

  @IsUUID()
  caseId!: string;

  @IsString()
  @MaxLength(40)
  group!: string;

  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  assigneeId!: string | null;

  /** `reminder` goes to the assignee (or the group); `escalation` to the group lead. */
  @IsIn(['reminder', 'escalation'])
  level!: 'reminder' | 'escalation';

  @IsString()
  @MaxLength(200)
  title!: string;

  @IsISO8601()
  dueAt!: string;
}

export class ContractSignedPayload {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  prospectId!: string;

  @IsUUID()
  offerId!: string;

  @IsUUID()
  salespersonId!: string;

  @IsUUID()
  unitId!: string;

  @IsISO8601()
  signedAt!: string;

  /** The user who recorded the signature (the actor of the win). Absent only in jobs emitted before it existed. */
  @IsOptional()
  @IsUUID()
  signedBy?: string;
}

export const CONTRACT_PAYLOAD_CLASSES = {
  [ContractJob.ContractOpened]: ContractOpenedPayload,
  [ContractJob.TaskAssigned]: TaskAssignedPayload,
  [ContractJob.TaskOverdue]: TaskOverduePayload,
  [ContractJob.ContractSigned]: ContractSignedPayload,
};

export type ContractPayloads = PayloadsOf<typeof CONTRACT_PAYLOAD_CLASSES>;
