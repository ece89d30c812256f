import { OverdueLevel, overdueIdempotencyKey, overdueNotices, sweepOverdue, type OverdueTask } from './overdue';
import { TaskStatus } from './task-graph';
import { TaskGroup } from './task-template';

const dueAt = new Date('2025-03-10T12:00:00Z');
const claimed: OverdueTask = {
  taskId: 't1',
  status: TaskStatus.Claimed,
  group: TaskGroup.Legal,
  assigneeId: 'u-legal',
  dueAt,
};
const at = (iso: string): Date => new Date(iso);
const GRACE = 24;

describe('overdueNotices', () => {
  it.each<[string, OverdueTask, Date, string[]]>([
    ['before due: nothing', claimed, at('2025-03-10T11:59:59Z'), []],
    ['at due: reminder to the assignee', claimed, dueAt, ['reminder:assignee:u-legal']],
    ['within grace: still only the reminder', claimed, at('2025-03-11T11:59:59Z'), ['reminder:assignee:u-legal']],
    [
      'after grace: escalation to the group lead too',
      claimed,
      at('2025-03-11T12:00:00Z'),
      ['reminder:assignee:u-legal', 'escalation:group_lead:legal'],
    ],
    [
      'unclaimed: the reminder goes to the group queue',
      { ...claimed, status: TaskStatus.Open, assigneeId: null },
      at('2025-03-12T00:00:00Z'),
      ['reminder:group:legal', 'escalation:group_lead:legal'],
    ],
    ['done: nothing', { ...claimed, status: TaskStatus.Done }, at('2025-04-01T00:00:00Z'), []],
    ['blocked (no due date yet): nothing', { ...claimed, dueAt: null }, at('2025-04-01T00:00:00Z'), []],
  ])('%s', (_name, task, now, expected) => {
    const summary = overdueNotices(task, now, GRACE).map((n) => {
      const r = n.recipient;
      return `${n.level}:${r.kind}:${r.kind === 'assignee' ? r.userId : r.group}`;
    });
    expect(summary).toEqual(expected);
  });

  it('escalates at due when the grace is zero', () => {
    expect(overdueNotices(claimed, dueAt, 0).map((n) => n.level)).toEqual([
      OverdueLevel.Reminder,
      OverdueLevel.Escalation,
    ]);
  });

  it('keeps one idempotency key per task and level, whatever the time or assignee', () => {
    const first = overdueNotices(claimed, at('2025-03-12T00:00:00Z'), GRACE);
    const later = overdueNotices({ ...claimed, assigneeId: 'u-other' }, at('2025-05-01T00:00:00Z'), GRACE);
    expect(first.map((n) => n.idempotencyKey)).toEqual([
      'contract-task:t1:overdue:reminder',
      'contract-task:t1:overdue:escalation',
    ]);
    expect(later.map((n) => n.idempotencyKey)).toEqual(first.map((n) => n.idempotencyKey));
    expect(overdueIdempotencyKey('t2', OverdueLevel.Reminder)).not.toBe(first[0]?.idempotencyKey);
  });

  it.each([-1, Number.NaN])('refuses a grace of %p hours', (grace) => {
    expect(() => overdueNotices(claimed, dueAt, grace)).toThrow(RangeError);
  });
});

describe('sweepOverdue', () => {
  it('lists notices in task order', () => {
    const t2: OverdueTask = { ...claimed, taskId: 't2', group: TaskGroup.Accounting, assigneeId: 'u-acc' };
    const notDue: OverdueTask = { ...claimed, taskId: 't3', dueAt: at('2025-03-20T00:00:00Z') };
    expect(sweepOverdue([claimed, notDue, t2], at('2025-03-10T13:00:00Z'), GRACE).map((n) => n.idempotencyKey)).toEqual(
      ['contract-task:t1:overdue:reminder', 'contract-task:t2:overdue:reminder'],
    );
  });
});
