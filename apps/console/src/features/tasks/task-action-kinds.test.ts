import { describe, expect, it } from 'vitest';
import { TaskActionKind, TaskViewer, taskActionsFor } from './task-action-kinds';

const me = 'u-me';
const member: TaskViewer = { userId: me, groups: ['legal'], leadOf: [] };
const lead: TaskViewer = { userId: me, groups: ['legal'], leadOf: ['legal'] };
const accountant: TaskViewer = { userId: me, groups: ['accounting'], leadOf: [] };
const reader: TaskViewer = { userId: me, groups: [], leadOf: [] };

type Shape = Parameters<typeof taskActionsFor>[0];
const task = (over: Partial<Shape>): Shape => ({
  status: 'open',
  state: 'available',
  group: 'legal',
  assigneeId: null,
  ...over,
});

describe('the actions a task offers', () => {
  it.each<[string, Shape, TaskViewer, TaskActionKind[]]>([
    ['an open task to a member', task({}), member, ['claim']],
    ['a blocked task to a member (claim shown, disabled)', task({ state: 'blocked' }), member, ['claim']],
    ['an open task to the lead', task({}), lead, ['claim', 'reassign']],
    ['a blocked task to the lead: no reassign', task({ state: 'blocked' }), lead, ['claim']],
    ['my claimed task', task({ status: 'claimed', assigneeId: me }), member, ['complete', 'return']],
    ["someone else's claimed task to a member", task({ status: 'claimed', assigneeId: 'u-other' }), member, []],
    [
      "someone else's claimed task to the lead",
      task({ status: 'claimed', assigneeId: 'u-other' }),
      lead,
      ['return', 'reassign'],
    ],
    ['a task of another group', task({}), accountant, []],
    ['any task to a reader', task({}), reader, []],
    ['a done task, even to the lead', task({ status: 'done', state: 'done', assigneeId: me }), lead, []],
  ])('%s', (_name, shape, viewer, expected) => {
    expect(taskActionsFor(shape, viewer)).toEqual(expected);
  });
});
