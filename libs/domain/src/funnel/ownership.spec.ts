import { Role } from '../roles';
import { initialOwnerOf, mayOwnProspectOf } from './ownership';

const person = (roles: Role[], unitId: string | null = 'u1', active = true) => ({ roles, unitId, active });

describe('prospect ownership', () => {
  it.each<[string, ReturnType<typeof person> | null, boolean]>([
    ['an active salesperson of the unit', person([Role.Salesperson]), true],
    ['a salesperson of another unit', person([Role.Salesperson], 'u2'), false],
    ['a deactivated salesperson', person([Role.Salesperson], 'u1', false), false],
    ['a sales head', person([Role.SalesHead]), false],
    ['nobody known', null, false],
  ])('%s may own a prospect of the unit: %s', (_case, candidate, may) => {
    expect(mayOwnProspectOf(candidate, 'u1')).toBe(may);
  });

  it("starts an approved sample's prospects with its author when the author may own them, else with nobody", () => {
    const sample = { authorId: 'a1', unitId: 'u1' };
    expect(initialOwnerOf(sample, person([Role.Salesperson]))).toBe('a1');
    expect(initialOwnerOf(sample, person([Role.SalesHead]))).toBeNull();
  });
});
