import { AccessLevel, DomainError, caseAccess } from '@dealgate/domain';
import { ContractActor } from '../access/contract-actor.service';
import { ContractCaseRecord } from '../cases/case.record';
import { accessCaseOf } from '../cases/case-guard';
import { TaskRecord } from './task.record';

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

/** Comments and document links: by those who work the task or the case, never by a read-only viewer. */
export function assertMayAnnotate(actor: ContractActor, c: ContractCaseRecord, taskLevel: AccessLevel): void {
  const caseLevel = caseAccess(actor, { kind: 'case', contractCase: accessCaseOf(c) });
  if (taskLevel !== 'write' && caseLevel !== 'write') {
    throw new DomainError('forbidden', 'You have read-only access to this task.');
  }
}
