import { Role } from '../roles';
import { caseAccess, type AccessCase, type AccessLevel, type AccessTarget, type AccessViewer } from './case-access';
import { groupsForRoles } from './task-machine';
import { TaskGroup } from './task-template';

const viewer = (userId: string, roles: Role[], extra: Partial<AccessViewer> = {}): AccessViewer => ({
  userId,
  roles,
  groups: groupsForRoles(roles),
  headOfUnits: [],
  ...extra,
});
const openCase: AccessCase = { salespersonId: 'u-sp', unitId: 'unit-1', signed: false };
const signedCase: AccessCase = { ...openCase, signed: true };
const onCase = (c: AccessCase = openCase): AccessTarget => ({ kind: 'case', contractCase: c });
const onTask = (group: TaskGroup): AccessTarget => ({ kind: 'task', contractCase: openCase, group });
const templates: AccessTarget = { kind: 'templates' };

const salesperson = viewer('u-sp', [Role.Salesperson]);
const otherSalesperson = viewer('u-sp2', [Role.Salesperson]);
const head = viewer('u-head', [Role.SalesHead], { headOfUnits: ['unit-1'] });
const otherHead = viewer('u-head2', [Role.SalesHead], { headOfUnits: ['unit-2'] });
const owner = viewer('u-owner', [Role.Owner]);
const legal = viewer('u-legal', [Role.Legal]);
const accounting = viewer('u-acc', [Role.Accounting]);
const admin = viewer('u-admin', [Role.Admin]);
const delivery = viewer('u-del', [], { groups: [TaskGroup.Delivery] });
const salespersonAndLegal = viewer('u-sp', [Role.Salesperson, Role.Legal]);
const stranger = viewer('u-x', []);

describe('caseAccess', () => {
  it.each<[string, AccessViewer, AccessTarget, AccessLevel]>([
    ['the deal salesperson reads the case', salesperson, onCase(), 'read'],
    ['the deal salesperson reads tasks', salesperson, onTask(TaskGroup.Legal), 'read'],
    ['another salesperson sees nothing', otherSalesperson, onCase(), 'none'],
    ['a salesperson who is also legal stays read-only', salespersonAndLegal, onCase(), 'read'],
    ['a salesperson who is also legal never acts on tasks', salespersonAndLegal, onTask(TaskGroup.Legal), 'read'],
    ['the unit head reads the case', head, onCase(), 'read'],
    ['another unit head sees nothing', otherHead, onCase(), 'none'],
    ['the owner reads the case', owner, onCase(), 'read'],
    ['the owner reads tasks', owner, onTask(TaskGroup.Accounting), 'read'],
    ['legal edits the terms', legal, onCase(), 'write'],
    ['legal acts on legal tasks', legal, onTask(TaskGroup.Legal), 'write'],
    ['legal only reads accounting tasks', legal, onTask(TaskGroup.Accounting), 'read'],
    ['accounting edits the terms', accounting, onCase(), 'write'],
    ['accounting acts on accounting tasks', accounting, onTask(TaskGroup.Accounting), 'write'],
    ['accounting only reads legal tasks', accounting, onTask(TaskGroup.Legal), 'read'],
    ['a signed case is read-only for legal', legal, onCase(signedCase), 'read'],
    ['delivery reads the case', delivery, onCase(), 'read'],
    ['delivery acts on the handover', delivery, onTask(TaskGroup.Delivery), 'write'],
    ['the admin sees no case', admin, onCase(), 'none'],
    ['the admin acts on no task', admin, onTask(TaskGroup.Legal), 'none'],
    ['the admin edits templates', admin, templates, 'write'],
    ['the owner reads templates', owner, templates, 'read'],
    ['legal reads templates', legal, templates, 'read'],
    ['a salesperson sees no templates', salesperson, templates, 'none'],
    ['a sales head sees no templates', head, templates, 'none'],
    ['a user without role sees nothing', stranger, onCase(), 'none'],
  ])('%s', (_name, who, target, expected) => {
    expect(caseAccess(who, target)).toBe(expected);
  });
});
