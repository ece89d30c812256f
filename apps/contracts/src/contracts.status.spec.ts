import { ContractErrorCode } from '@dealgate/domain';
import { contractsStatusForCode } from './contracts.status';

describe('contracts error status map', () => {
  it.each(Object.values(ContractErrorCode))('maps %s to a client error status', (code) => {
    expect([403, 409, 422]).toContain(contractsStatusForCode(code));
  });

  it.each([
    [ContractErrorCode.SigningBlocked, 409],
    [ContractErrorCode.TaskAlreadyClaimed, 409],
    [ContractErrorCode.TemplateCycle, 422],
    [ContractErrorCode.InvalidTerms, 422],
    [ContractErrorCode.SalespersonExcluded, 403],
    [ContractErrorCode.NotGroupLead, 403],
  ])('%s answers %i', (code, status) => {
    expect(contractsStatusForCode(code)).toBe(status);
  });

  it('leaves codes of other areas to the common map', () => {
    expect(contractsStatusForCode('not_found')).toBeUndefined();
    expect(contractsStatusForCode('version_conflict')).toBeUndefined();
  });
});
