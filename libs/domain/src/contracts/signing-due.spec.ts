import { DEFAULT_TASK_TEMPLATES, DefaultTaskKey as K, HANDOVER_TASK_TEMPLATE } from './default-templates';
import { DueTask, signingDue } from './signing-due';
import { TaskStatus } from './task-graph';
import { TaskGroup } from './task-template';

const OPENED = new Date('2027-01-01T09:00:00Z');
const at = (day: number) => new Date(Date.UTC(2027, 0, day, 9));

/** The default graph as stored: `available` tasks carry the due date the release gave them, `done` ones when. */
function defaults(state: Partial<Record<string, { dueAt?: Date; doneAt?: Date }>>): DueTask[] {
  return DEFAULT_TASK_TEMPLATES.map((t) => {
    const s = state[t.key];
    return {
      key: t.key,
      group: t.group,
      required: t.required,
      dependsOn: t.dependsOn,
      dueDays: t.dueDays,
      status: s?.doneAt ? TaskStatus.Done : TaskStatus.Open,
      dueAt: s?.dueAt ?? null,
      doneAt: s?.doneAt ?? null,
    };
  });
}

describe('signing due date (the latest due date of the open tasks signing waits for)', () => {
  it('a new default case: draft due Jan 4 and credit check Jan 3, so on schedule the sign-off is due Jan 9', () => {
    // review: from the draft's Jan 4 + 2 = Jan 6; billing: Jan 3 + 3 = Jan 6; payment: Jan 6 + 2 = Jan 8;
    // sign-off: Jan 8 + 1 = Jan 9 (the critical path's 8 days from Jan 1).
    const tasks = defaults({ [K.DraftContract]: { dueAt: at(4) }, [K.CreditCheck]: { dueAt: at(3) } });
    expect(signingDue(tasks, OPENED)).toEqual({ dueAt: at(9), openTasks: 6 });
  });

  it('work done early brings the date forward: both first tasks done on Jan 2', () => {
    // review available Jan 2, due Jan 4; billing due Jan 5; payment: Jan 5 + 2 = Jan 7; sign-off Jan 8.
    const tasks = defaults({
      [K.DraftContract]: { dueAt: at(4), doneAt: at(2) },
      [K.CreditCheck]: { dueAt: at(3), doneAt: at(2) },
      [K.ReviewTerms]: { dueAt: at(4) },
      [K.BillingSetup]: { dueAt: at(5) },
    });
    expect(signingDue(tasks, OPENED)).toEqual({ dueAt: at(8), openTasks: 4 });
  });

  it('the last open task is its own due date, overdue or not', () => {
    const all = Object.fromEntries(DEFAULT_TASK_TEMPLATES.map((t) => [t.key, { doneAt: at(3) }]));
    const tasks = defaults({ ...all, [K.LegalSignOff]: { dueAt: at(4) } });
    expect(signingDue(tasks, OPENED)).toEqual({ dueAt: at(4), openTasks: 1 });
  });

  it('leaves out what signing does not wait for: an optional task, the delivery handover; none open is null', () => {
    const all = Object.fromEntries(DEFAULT_TASK_TEMPLATES.map((t) => [t.key, { doneAt: at(3) }]));
    const optional: DueTask = {
      key: 'courtesy_call',
      group: TaskGroup.Accounting,
      required: false,
      dependsOn: [],
      dueDays: 30,
      status: TaskStatus.Open,
      dueAt: at(31),
      doneAt: null,
    };
    const handover: DueTask = {
      ...HANDOVER_TASK_TEMPLATE,
      status: TaskStatus.Open,
      dueAt: at(6),
      doneAt: null,
    };
    expect(signingDue([...defaults(all), optional, handover], OPENED)).toEqual({ dueAt: null, openTasks: 0 });
    // With the sign-off still open the optional task's later date does not count either.
    const open = defaults({ ...all, [K.LegalSignOff]: { dueAt: at(5) } });
    expect(signingDue([...open, optional], OPENED)).toEqual({ dueAt: at(5), openTasks: 1 });
  });
});
