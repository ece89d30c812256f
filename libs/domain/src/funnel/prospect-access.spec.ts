import { Role } from '../roles';
import { FunnelActor } from './funnel-actor';
import { FunnelErrorCode } from './funnel-error';
import { assertProspectAccess, prospectAccess, ProspectAccess, ProspectAccessTarget } from './prospect-access';
import { ProspectStatus, Stage } from './stage';

const actor = (roles: Role[], userId = 'me', unitIds = ['u1']): FunnelActor => ({ userId, roles, unitIds });
const prospect = (overrides: Partial<ProspectAccessTarget> = {}): ProspectAccessTarget => ({
  ownerId: 'me',
  unitId: 'u1',
  stage: Stage.OfferFormation,
  status: ProspectStatus.Active,
  ...overrides,
});
const atContract = { stage: Stage.Contract };
const won = { stage: Stage.Contract, status: ProspectStatus.Won };

const table: [string, FunnelActor, ProspectAccessTarget, ProspectAccess][] = [
  ['owner on any prospect', actor([Role.Owner], 'o', []), prospect({ ownerId: 'x', unitId: 'u9' }), 'write'],
  ['owner on a won prospect', actor([Role.Owner], 'o', []), prospect(won), 'write'],
  ['sales head on the unit', actor([Role.SalesHead], 'h'), prospect({ ownerId: 'x' }), 'write'],
  ['sales head on another unit', actor([Role.SalesHead], 'h', ['u2']), prospect({ ownerId: 'x' }), 'none'],
  ['salesperson on own prospect', actor([Role.Salesperson]), prospect(), 'write'],
  [
    'salesperson on own prospect at defence',
    actor([Role.Salesperson]),
    prospect({ stage: Stage.OfferDefence }),
    'write',
  ],
  ['salesperson on own prospect at contract', actor([Role.Salesperson]), prospect(atContract), 'read'],
  ['salesperson on own won prospect', actor([Role.Salesperson]), prospect(won), 'read'],
  ['salesperson on own lost prospect', actor([Role.Salesperson]), prospect({ status: ProspectStatus.Lost }), 'read'],
  ['salesperson on a colleague prospect', actor([Role.Salesperson]), prospect({ ownerId: 'x' }), 'none'],
  ['salesperson on an unassigned prospect', actor([Role.Salesperson]), prospect({ ownerId: null }), 'none'],
  ['legal before the defence', actor([Role.Legal]), prospect({ ownerId: 'x' }), 'none'],
  ['legal at contract', actor([Role.Legal]), prospect({ ownerId: 'x', ...atContract }), 'read'],
  ['accounting on a won prospect', actor([Role.Accounting]), prospect({ ownerId: 'x', ...won }), 'read'],
  ['admin', actor([Role.Admin]), prospect(), 'none'],
  [
    'salesperson who is also head of the unit, at contract',
    actor([Role.Salesperson, Role.SalesHead]),
    prospect(atContract),
    'write',
  ],
  ['no roles', actor([]), prospect(), 'none'],
];

describe('prospectAccess', () => {
  it.each(table)('%s -> %s', (_name, who, target, expected) => {
    expect(prospectAccess(who, target)).toBe(expected);
  });

  it.each([
    [actor([Role.Salesperson]), prospect(atContract), 'write', FunnelErrorCode.ReadOnlyAccess],
    [actor([Role.Salesperson]), prospect({ ownerId: 'x' }), 'read', FunnelErrorCode.AccessDenied],
    [actor([Role.Admin]), prospect(), 'write', FunnelErrorCode.AccessDenied],
  ] as const)('assertProspectAccess refuses %#', (who, target, needed, code) => {
    expect(() => assertProspectAccess(who, target, needed)).toThrow(expect.objectContaining({ code }));
  });

  it('assertProspectAccess passes with enough access', () => {
    expect(() => assertProspectAccess(actor([Role.Salesperson]), prospect(atContract), 'read')).not.toThrow();
  });
});
