import { AccessLevel, DomainError, caseAccess } from '@dealgate/domain';
import { ContractActor } from '../access/contract-actor.service';
import { ContractCaseRecord } from '../cases/case.records';
import { accessCaseOf } from '../cases/case-guard';
import { TaskRecord } from './task.records';

export const taskNotFound = (id: string) => new DomainError('not_found', `No task ${id}.`);

/** The viewer's access to a task: a task of a case they may not see answers 404. */
export function taskAccess(
  actor: ContractActor,
  c: ContractCaseRecord | null,
  task: TaskRecord | null,
  id: string,
): AccessLevel {
  if (!c || !task) throw taskNotFound(id);
  const level = caseAccess(actor, { kind: 'task', contractCase: accessCaseOf(c), group: task.group });
  if (level === 'none') throw taskNotFound(id);
  return level;
}

/**
 * Comments and document links: by the members of the task's group only (`write` on the task). Writing the case
 * (legal and accounting on an unsigned case) is not writing another group's task.
 */
export function assertMayAnnotate(_actor: ContractActor, _c: ContractCaseRecord, taskLevel: AccessLevel): void {
  if (taskLevel !== 'write') {
    throw new DomainError('forbidden', "Only the members of the task's group may comment on it or link documents.");
  }
}
