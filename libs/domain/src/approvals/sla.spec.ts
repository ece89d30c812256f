import { Role } from '../roles';
import { ResolvedApproverKind } from './policy-resolution';
import {
  ApprovalSlaLevel,
  ApprovalSlaTimer,
  approvalSlaDeadlines,
  dueApprovalSlaLevels,
  isEscalated,
  reminderKey,
} from './sla';

const T0 = new Date('2025-03-03T09:00:00Z');
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

const escalating: ApprovalSlaTimer = {
  dueAfterMinutes: 60,
  escalationGraceMinutes: 30,
  escalateTo: { kind: ResolvedApproverKind.Role, role: Role.Owner, unitId: null },
};
const remindOnly: ApprovalSlaTimer = { ...escalating, escalateTo: null };

describe('approvalSlaDeadlines', () => {
  it('reminds at due and escalates at due + grace', () => {
    expect(approvalSlaDeadlines(escalating, T0)).toEqual({ reminderAt: minutes(60), escalationAt: minutes(90) });
    expect(approvalSlaDeadlines(remindOnly, T0)).toEqual({ reminderAt: minutes(60), escalationAt: null });
  });
});

describe('dueApprovalSlaLevels', () => {
  it.each<[string, ApprovalSlaTimer, number, readonly ApprovalSlaLevel[]]>([
    ['just activated', escalating, 0, []],
    ['a minute before due', escalating, 59, []],
    ['exactly at due', escalating, 60, [ApprovalSlaLevel.Reminder]],
    ['between due and escalation', escalating, 89, [ApprovalSlaLevel.Reminder]],
    ['exactly at due + grace', escalating, 90, [ApprovalSlaLevel.Reminder, ApprovalSlaLevel.Escalation]],
    ['long overdue', escalating, 10_000, [ApprovalSlaLevel.Reminder, ApprovalSlaLevel.Escalation]],
    ['long overdue, no escalation target', remindOnly, 10_000, [ApprovalSlaLevel.Reminder]],
    ['clock before activation', escalating, -5, []],
  ])('%s', (_, timer, at, levels) => {
    expect(dueApprovalSlaLevels('req-1', 0, timer, T0, minutes(at)).map((d) => d.level)).toEqual(levels);
  });

  it('gives each level its due time and a key stable across sweeps', () => {
    const first = dueApprovalSlaLevels('req-1', 1, escalating, T0, minutes(95));
    const later = dueApprovalSlaLevels('req-1', 1, escalating, T0, minutes(5_000));
    expect(first).toEqual([
      { level: ApprovalSlaLevel.Reminder, dueAt: minutes(60), key: 'approval:req-1:1:reminder' },
      { level: ApprovalSlaLevel.Escalation, dueAt: minutes(90), key: 'approval:req-1:1:escalation' },
    ]);
    expect(later).toEqual(first);
  });

  it('lets a sweep emit each level exactly once', () => {
    const emitted = new Set<string>();
    const sent: string[] = [];
    for (const at of [0, 30, 60, 61, 89, 90, 91, 500]) {
      for (const due of dueApprovalSlaLevels('req-1', 0, escalating, T0, minutes(at))) {
        if (!emitted.has(due.key)) {
          emitted.add(due.key);
          sent.push(`${at}:${due.level}`);
        }
      }
    }
    expect(sent).toEqual(['60:reminder', '90:escalation']);
  });
});

describe('isEscalated', () => {
  it.each([
    [escalating, 89, false],
    [escalating, 90, true],
    [remindOnly, 10_000, false],
  ] as const)('%j at +%p min -> %p', (timer, at, expected) => {
    expect(isEscalated(timer, T0, minutes(at))).toBe(expected);
  });
});

describe('reminderKey', () => {
  it('is unique per request, step and level', () => {
    const keys = ['req-1', 'req-2'].flatMap((id) =>
      [0, 1].flatMap((step) => Object.values(ApprovalSlaLevel).map((level) => reminderKey(id, step, level))),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(reminderKey('a:1', 2, ApprovalSlaLevel.Reminder)).not.toBe(reminderKey('a', 1, ApprovalSlaLevel.Reminder));
  });

  it.each<[string, number]>([
    ['', 0],
    ['req-1', -1],
    ['req-1', 0.5],
  ])('refuses request %p step %p', (id, step) => {
    expect(() => reminderKey(id, step, ApprovalSlaLevel.Reminder)).toThrow(RangeError);
  });
});
