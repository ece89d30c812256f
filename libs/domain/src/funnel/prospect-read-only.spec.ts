import { Role } from '../roles';
import { FunnelActor } from './funnel-actor';
import { isReadOnlyFor, ProspectAccessTarget } from './prospect-access';
import { ProspectStatus, Stage } from './stage';

const owner: FunnelActor = { userId: 'o', roles: [Role.Owner], unitIds: [] };
const seller: FunnelActor = { userId: 'me', roles: [Role.Salesperson], unitIds: ['u1'] };
const legal: FunnelActor = { userId: 'l', roles: [Role.Legal], unitIds: [] };
const at = (stage: Stage, status = ProspectStatus.Active): ProspectAccessTarget => ({
  ownerId: 'me',
  unitId: 'u1',
  stage,
  status,
});

describe('isReadOnlyFor', () => {
  it.each<[string, FunnelActor, ProspectAccessTarget, boolean]>([
    ['owner on an active prospect', owner, at(Stage.OfferFormation), false],
    ['salesperson on their own active prospect', seller, at(Stage.OfferDefence), false],
    ['owner after the handoff', owner, at(Stage.Contract), true],
    ['owner on a won prospect', owner, at(Stage.Contract, ProspectStatus.Won), true],
    ['owner on a lost prospect', owner, at(Stage.PrimaryContact, ProspectStatus.Lost), true],
    ['legal at contract', legal, at(Stage.Contract), true],
    ['salesperson on a prospect they do not own', seller, { ...at(Stage.PrimaryContact), ownerId: 'x' }, true],
  ])('%s -> %s', (_name, actor, prospect, expected) => {
    expect(isReadOnlyFor(actor, prospect)).toBe(expected);
  });
});
