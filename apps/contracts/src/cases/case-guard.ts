import { DomainError, caseAccess } from '@dealgate/domain';
import { ContractActor } from '../access/contract-actor.service';
import { ContractCaseRecord } from './case.records';

export const caseNotFound = (id: string) => new DomainError('not_found', `No contract case ${id}.`);

export const accessCaseOf = (c: ContractCaseRecord) => ({
  salespersonId: c.salespersonId,
  unitId: c.unitId,
  signed: c.signedAt !== null,
});

/**
 * The case if `actor` may `need` it: a case they may not see answers 404 (no hint it exists); a case they may
 * only read answers 403 to a write (the salesperson watches, never edits; a signed contract is frozen).
 */
export function guardCase(actor: ContractActor, c: ContractCaseRecord | null, id: string, need: 'read' | 'write') {
  if (!c) throw caseNotFound(id);
  const level = caseAccess(actor, { kind: 'case', contractCase: accessCaseOf(c) });
  if (level === 'none') throw caseNotFound(id);
  if (need === 'write' && level !== 'write') {
    throw new DomainError(
      'forbidden',
      c.signedAt ? 'The contract is signed: its terms are frozen.' : 'You have read-only access to this contract case.',
    );
  }
  return { contractCase: c, level };
}
