import { DomainError } from '../domain-error';
import { Role } from '../roles';
import { ContractErrorCode as E } from './contract-error';
import { TaskStatus } from './task-graph';
import {
  TaskCommandType as C,
  applyTaskCommand,
  groupsForRoles,
  mayReceiveTask,
  type MachineTask,
  type TaskActor,
  type TaskCommand,
  type TaskTransition,
} from './task-machine';
import { TaskGroup } from './task-template';

const actor = (userId: string, roles: Role[], leadOf: TaskGroup[] = []): TaskActor => ({
  userId,
  roles,
  groups: groupsForRoles(roles),
  leadOf,
});
const member = actor('u-legal', [Role.Legal]);
const member2 = actor('u-legal2', [Role.Legal]);
const lead = actor('u-lead', [Role.Legal], [TaskGroup.Legal]);
const accountant = actor('u-acc', [Role.Accounting]);
const accountingLead = actor('u-acc-lead', [Role.Accounting], [TaskGroup.Accounting]);
const salesperson = actor('u-sp', [Role.Salesperson]);
const salespersonAndLegal = actor('u-spl', [Role.Salesperson, Role.Legal]);
const admin = actor('u-admin', [Role.Admin]);
const owner = actor('u-owner', [Role.Owner]);

const task = (over: Partial<MachineTask> = {}): MachineTask => ({
  key: 'review_terms',
  group: TaskGroup.Legal,
  status: TaskStatus.Open,
  assigneeId: null,
  blockedBy: [],
  ...over,
});
const open = task();
const blocked = task({ blockedBy: ['draft_contract', 'credit_check'] });
const claimed = task({ status: TaskStatus.Claimed, assigneeId: member.userId });
const done = task({ status: TaskStatus.Done, assigneeId: member.userId });

const claim: TaskCommand = { type: C.Claim };
const complete: TaskCommand = { type: C.Complete };
const giveBack = (reason = 'The draft misses the annex.'): TaskCommand => ({ type: C.Return, reason });
const reassign = (to: TaskActor): TaskCommand => ({ type: C.Reassign, to });

describe('task machine: allowed transitions', () => {
  it.each<[string, MachineTask, TaskActor, TaskCommand, Omit<TaskTransition, 'command'>]>([
    [
      'member claims an available task',
      open,
      member,
      claim,
      { from: TaskStatus.Open, to: TaskStatus.Claimed, assigneeId: 'u-legal', reason: null },
    ],
    [
      'lead claims an available task',
      open,
      lead,
      claim,
      { from: TaskStatus.Open, to: TaskStatus.Claimed, assigneeId: 'u-lead', reason: null },
    ],
    [
      'assignee completes',
      claimed,
      member,
      complete,
      { from: TaskStatus.Claimed, to: TaskStatus.Done, assigneeId: 'u-legal', reason: null },
    ],
    [
      'assignee returns with a reason',
      claimed,
      member,
      giveBack(),
      { from: TaskStatus.Claimed, to: TaskStatus.Open, assigneeId: null, reason: 'The draft misses the annex.' },
    ],
    [
      'lead returns with a trimmed reason',
      claimed,
      lead,
      giveBack('  Wrong party.  '),
      { from: TaskStatus.Claimed, to: TaskStatus.Open, assigneeId: null, reason: 'Wrong party.' },
    ],
    [
      'lead assigns an open task',
      open,
      lead,
      reassign(member2),
      { from: TaskStatus.Open, to: TaskStatus.Claimed, assigneeId: 'u-legal2', reason: null },
    ],
    [
      'lead reassigns a claimed task',
      claimed,
      lead,
      reassign(member2),
      { from: TaskStatus.Claimed, to: TaskStatus.Claimed, assigneeId: 'u-legal2', reason: null },
    ],
    [
      'lead takes a claimed task over',
      claimed,
      lead,
      reassign(lead),
      { from: TaskStatus.Claimed, to: TaskStatus.Claimed, assigneeId: 'u-lead', reason: null },
    ],
  ])('%s', (_name, t, who, command, expected) => {
    expect(applyTaskCommand(t, who, command)).toEqual({ command: command.type, ...expected });
  });
});

describe('task machine: refused transitions', () => {
  it.each<[string, MachineTask, TaskActor, TaskCommand, E]>([
    ['a salesperson claims', open, salesperson, claim, E.SalespersonExcluded],
    ['a salesperson who is also legal claims', open, salespersonAndLegal, claim, E.SalespersonExcluded],
    ['a salesperson completes', claimed, salesperson, complete, E.SalespersonExcluded],
    ['a salesperson returns', claimed, salesperson, giveBack(), E.SalespersonExcluded],
    ['a salesperson reassigns', claimed, salesperson, reassign(member2), E.SalespersonExcluded],
    ['an admin claims', open, admin, claim, E.NotGroupMember],
    ['the owner claims', open, owner, claim, E.NotGroupMember],
    ['accounting claims a legal task', open, accountant, claim, E.NotGroupMember],
    ['claiming a task not yet available', blocked, member, claim, E.TaskNotAvailable],
    ['claiming a claimed task', claimed, member2, claim, E.TaskAlreadyClaimed],
    ['claiming a done task', done, member, claim, E.TaskAlreadyDone],
    ['completing an open task', open, member, complete, E.TaskNotClaimed],
    ['completing a task claimed by someone else', claimed, member2, complete, E.NotAssignee],
    ['the lead completing a task claimed by someone else', claimed, lead, complete, E.NotAssignee],
    ['completing a done task', done, member, complete, E.TaskAlreadyDone],
    ['returning without a reason', claimed, member, giveBack('   '), E.ReturnReasonRequired],
    ['returning an open task', open, member, giveBack(), E.TaskNotClaimed],
    ['returning a task claimed by someone else', claimed, member2, giveBack(), E.NotAssignee],
    ['returning a done task', done, member, giveBack(), E.TaskAlreadyDone],
    ['a member reassigns', claimed, member, reassign(member2), E.NotGroupLead],
    ['another group lead reassigns', claimed, accountingLead, reassign(member2), E.NotGroupLead],
    ['reassigning a done task', done, lead, reassign(member2), E.TaskAlreadyDone],
    ['reassigning a task not yet available', blocked, lead, reassign(member2), E.TaskNotAvailable],
    ['reassigning outside the group', claimed, lead, reassign(accountant), E.AssigneeNotGroupMember],
    ['reassigning to a salesperson', claimed, lead, reassign(salespersonAndLegal), E.SalespersonExcluded],
    ['reassigning to the current assignee', claimed, lead, reassign(member), E.AlreadyAssigned],
  ])('refuses %s', (_name, t, who, command, code) => {
    let error: unknown;
    try {
      applyTaskCommand(t, who, command);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
  });

  it('names the blocking tasks', () => {
    expect(() => applyTaskCommand(blocked, member, claim)).toThrow(
      'Task review_terms cannot start before draft_contract, credit_check are done.',
    );
  });
});

describe('groupsForRoles', () => {
  it.each<[Role[], TaskGroup[]]>([
    [[Role.Legal], [TaskGroup.Legal]],
    [
      [Role.Accounting, Role.Legal],
      [TaskGroup.Accounting, TaskGroup.Legal],
    ],
    [[Role.Owner, Role.SalesHead, Role.Salesperson, Role.Admin], []],
  ])('%j -> %j', (roles, groups) => {
    expect(groupsForRoles(roles)).toEqual(groups);
  });
});

describe('mayReceiveTask (the people a lead can pick)', () => {
  it.each<[string, TaskActor, TaskGroup, boolean]>([
    ['a member', member, TaskGroup.Legal, true],
    ['the lead, a member too', lead, TaskGroup.Legal, true],
    ['a member of another group', accountant, TaskGroup.Legal, false],
    ['a salesperson who is also a lawyer', salespersonAndLegal, TaskGroup.Legal, false],
    ['the owner', owner, TaskGroup.Legal, false],
  ])('%s', (_who, who, group, expected) => {
    expect(mayReceiveTask(who, group)).toBe(expected);
  });

  it('agrees with reassign', () => {
    expect(() => applyTaskCommand(open, lead, reassign(salespersonAndLegal))).toThrow(DomainError);
    expect(applyTaskCommand(open, lead, reassign(member)).assigneeId).toBe(member.userId);
  });
});
