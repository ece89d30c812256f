import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import type { PayloadsOf } from './payloads-of';

/** Published by the contracts service. */
export const ContractJob = {
  ContractOpened: 'contract.opened',
  TaskAssigned: 'task.assigned',
  TaskOverdue: 'task.overdue',
  ContractSigned: 'contract.signed',
  ContractTasksDue: 'contract.tasks_due',
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

/**
 * When the work signing waits for is due (`signingDue` in libs/domain): sent whenever a case's open tasks or their due
 * dates change (opened, a task done, signed). A consumer keeps the one with the highest `sequence` per prospect.
 */
export class ContractTasksDuePayload {
  @IsUUID()
  caseId!: string;

  @IsUUID()
  prospectId!: string;

  /** The latest due date among the open required tasks (blocked ones projected on schedule); null when none is open. */
  @ValidateIf((_, v) => v !== null)
  @IsISO8601()
  dueAt!: string | null;

  @IsInt()
  @Min(0)
  openTasks!: number;

  /**
   * Rises with every report, across all cases (one database sequence, drawn under the case's lock): a late delivery
   * of an older report never replaces a newer one.
   */
  @IsInt()
  @Min(1)
  sequence!: number;

  /** When contracts computed it. */
  @IsISO8601()
  at!: string;
}

export const CONTRACT_PAYLOAD_CLASSES = {
  [ContractJob.ContractOpened]: ContractOpenedPayload,
  [ContractJob.TaskAssigned]: TaskAssignedPayload,
  [ContractJob.TaskOverdue]: TaskOverduePayload,
  [ContractJob.ContractSigned]: ContractSignedPayload,
  [ContractJob.ContractTasksDue]: ContractTasksDuePayload,
};

export type ContractPayloads = PayloadsOf<typeof CONTRACT_PAYLOAD_CLASSES>;
