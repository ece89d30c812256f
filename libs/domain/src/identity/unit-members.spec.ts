import { Role } from '../roles';
import { mayListUnitMembers } from './unit-members';

describe('mayListUnitMembers', () => {
  it.each<[string, Role[], string | null, boolean]>([
    ['admin, any unit', [Role.Admin], 'someone', true],
    ['owner, any unit', [Role.Owner], null, true],
    ['sales head of the unit', [Role.SalesHead], 'me', true],
    ['sales head of another unit', [Role.SalesHead], 'someone', false],
    ['sales head, unit without a head', [Role.SalesHead], null, false],
    ['salesperson named as head (not a sales head)', [Role.Salesperson], 'me', false],
    ['legal', [Role.Legal], 'someone', false],
  ])('%s -> %s', (_name, roles, headUserId, expected) => {
    expect(mayListUnitMembers({ userId: 'me', roles }, { headUserId })).toBe(expected);
  });
});
