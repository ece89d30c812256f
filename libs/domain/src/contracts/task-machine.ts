import { assertNever } from '../domain-error';
import { Role } from '../roles';
import { ContractErrorCode, contractError } from './contract-error';
import { TaskStatus } from './task-graph';
import { TaskGroup } from './task-template';

/** Who acts on a task. `groups` and `leadOf` come from the user's memberships (see `groupsForRoles`). */
export interface TaskActor {
  userId: string;
  roles: readonly Role[];
  groups: readonly TaskGroup[];
  leadOf: readonly TaskGroup[];
}

/** The person a lead hands a task to. */
export type TaskAssignee = Pick<TaskActor, 'userId' | 'roles' | 'groups'>;

/** What the machine needs of a task; `blockedBy` comes from the task graph. */
export interface MachineTask {
  key: string;
  group: TaskGroup;
  status: TaskStatus;
  assigneeId: string | null;
  blockedBy: readonly string[];
}

export enum TaskCommandType {
  Claim = 'claim',
  Complete = 'complete',
  Return = 'return',
  Reassign = 'reassign',
}

export type TaskCommand =
  | { type: TaskCommandType.Claim }
  | { type: TaskCommandType.Complete }
  | { type: TaskCommandType.Return; reason: string }
  | { type: TaskCommandType.Reassign; to: TaskAssignee };

/** The decision: the task's new status and assignee, and the reason to record for a return. */
export interface TaskTransition {
  command: TaskCommandType;
  from: TaskStatus;
  to: TaskStatus;
  assigneeId: string | null;
  reason: string | null;
}

/** The groups a role gives membership of. Delivery has no role: its members are configured, not derived. */
export function groupsForRoles(roles: readonly Role[]): TaskGroup[] {
  const groups = new Set<TaskGroup>();
  for (const role of roles) {
    switch (role) {
      case Role.Legal:
        groups.add(TaskGroup.Legal);
        break;
      case Role.Accounting:
        groups.add(TaskGroup.Accounting);
        break;
      case Role.Owner:
      case Role.SalesHead:
      case Role.Salesperson:
      case Role.Admin:
        break;
      default:
        assertNever(role, 'role');
    }
  }
  return [...groups];
}

const isMember = (who: Pick<TaskActor, 'groups'>, group: TaskGroup): boolean => who.groups.includes(group);

/** Whether a lead may hand a task of `group` to this person: a member of the group who is no salesperson. */
export function mayReceiveTask(who: TaskAssignee, group: TaskGroup): boolean {
  return isMember(who, group) && !who.roles.includes(Role.Salesperson);
}

// The salesperson exits after the defence: no task, ever, whatever other role they also hold.
function refuseSalesperson(who: Pick<TaskActor, 'roles'>, message: string): void {
  if (who.roles.includes(Role.Salesperson)) throw contractError(ContractErrorCode.SalespersonExcluded, message);
}

function refuseDone(task: MachineTask): void {
  if (task.status === TaskStatus.Done) {
    throw contractError(ContractErrorCode.TaskAlreadyDone, `Task ${task.key} is already done.`, { task: task.key });
  }
}

function refuseBlocked(task: MachineTask): void {
  if (task.blockedBy.length > 0) {
    throw contractError(
      ContractErrorCode.TaskNotAvailable,
      `Task ${task.key} cannot start before ${task.blockedBy.join(', ')} ${task.blockedBy.length === 1 ? 'is' : 'are'} done.`,
      { task: task.key, blockedBy: [...task.blockedBy] },
    );
  }
}

function requireClaimed(task: MachineTask): string {
  refuseDone(task);
  if (task.status !== TaskStatus.Claimed || task.assigneeId === null) {
    throw contractError(ContractErrorCode.TaskNotClaimed, `Task ${task.key} has not been claimed yet.`, {
      task: task.key,
    });
  }
  return task.assigneeId;
}

/**
 * Decides a task command, or throws a `DomainError` with a `ContractErrorCode`:
 * - claim: an open, available task, by a member of its group;
 * - complete: a claimed task, by its assignee only;
 * - return: a claimed task, with a reason, by its assignee or the group lead; it goes back to open, unassigned;
 * - reassign: an open or claimed, available task, by the group lead, to another member of the group.
 */
export function applyTaskCommand(task: MachineTask, actor: TaskActor, command: TaskCommand): TaskTransition {
  refuseSalesperson(actor, 'The salesperson has read-only access to the contract and takes no task.');
  const decide = (to: TaskStatus, assigneeId: string | null, reason: string | null = null): TaskTransition => ({
    command: command.type,
    from: task.status,
    to,
    assigneeId,
    reason,
  });
  switch (command.type) {
    case TaskCommandType.Claim: {
      if (!isMember(actor, task.group)) {
        throw contractError(ContractErrorCode.NotGroupMember, `Only the ${task.group} group can claim ${task.key}.`, {
          task: task.key,
          group: task.group,
        });
      }
      refuseDone(task);
      if (task.status === TaskStatus.Claimed) {
        throw contractError(ContractErrorCode.TaskAlreadyClaimed, `Task ${task.key} is already claimed.`, {
          task: task.key,
          assigneeId: task.assigneeId,
        });
      }
      refuseBlocked(task);
      return decide(TaskStatus.Claimed, actor.userId);
    }
    case TaskCommandType.Complete: {
      const assigneeId = requireClaimed(task);
      if (assigneeId !== actor.userId) {
        throw contractError(ContractErrorCode.NotAssignee, `Only the person who claimed ${task.key} can complete it.`, {
          task: task.key,
        });
      }
      return decide(TaskStatus.Done, assigneeId);
    }
    case TaskCommandType.Return: {
      const reason = command.reason.trim();
      if (reason === '') {
        throw contractError(ContractErrorCode.ReturnReasonRequired, 'Say why the task is returned.', {
          task: task.key,
        });
      }
      const assigneeId = requireClaimed(task);
      if (assigneeId !== actor.userId && !actor.leadOf.includes(task.group)) {
        throw contractError(
          ContractErrorCode.NotAssignee,
          `Only the person who claimed ${task.key} or the ${task.group} lead can return it.`,
          { task: task.key },
        );
      }
      return decide(TaskStatus.Open, null, reason);
    }
    case TaskCommandType.Reassign: {
      if (!actor.leadOf.includes(task.group)) {
        throw contractError(ContractErrorCode.NotGroupLead, `Only the ${task.group} lead can reassign ${task.key}.`, {
          task: task.key,
          group: task.group,
        });
      }
      refuseDone(task);
      refuseBlocked(task);
      const to = command.to;
      refuseSalesperson(to, 'A contract task cannot go to a salesperson.');
      if (!isMember(to, task.group)) {
        throw contractError(
          ContractErrorCode.AssigneeNotGroupMember,
          `Task ${task.key} can only go to a member of the ${task.group} group.`,
          { task: task.key, group: task.group, assigneeId: to.userId },
        );
      }
      if (task.assigneeId === to.userId) {
        throw contractError(ContractErrorCode.AlreadyAssigned, `Task ${task.key} is already assigned to this person.`, {
          task: task.key,
        });
      }
      return decide(TaskStatus.Claimed, to.userId);
    }
    default:
      return assertNever(command, 'task command');
  }
}
