import { DEFAULT_TASK_TEMPLATES, DefaultTaskKey as K } from './default-templates';
import { criticalPath, type PathTask } from './critical-path';
import { TaskStatus } from './task-graph';

function defaults(done: string[] = []): PathTask[] {
  return DEFAULT_TASK_TEMPLATES.map((t) => ({
    key: t.key,
    dependsOn: t.dependsOn,
    dueDays: t.dueDays,
    status: done.includes(t.key) ? TaskStatus.Done : TaskStatus.Open,
  }));
}

describe('critical path', () => {
  it('a new default case: both chains into the payment schedule take 8 days, so every task is critical', () => {
    expect(criticalPath(defaults())).toEqual({
      critical: [K.DraftContract, K.CreditCheck, K.ReviewTerms, K.BillingSetup, K.PaymentSchedule, K.LegalSignOff],
      remainingDays: 8,
    });
  });

  it('once the draft is done the terms review has a day of slack and leaves the path', () => {
    expect(criticalPath(defaults([K.DraftContract]))).toEqual({
      critical: [K.CreditCheck, K.BillingSetup, K.PaymentSchedule, K.LegalSignOff],
      remainingDays: 8,
    });
  });

  it('done tasks are never critical; all done leaves nothing', () => {
    const all = DEFAULT_TASK_TEMPLATES.map((t) => t.key);
    expect(criticalPath(defaults(all))).toEqual({ critical: [], remainingDays: 0 });
    expect(criticalPath(defaults(all.filter((k) => k !== String(K.LegalSignOff))))).toEqual({
      critical: [K.LegalSignOff],
      remainingDays: 1,
    });
  });

  it('independent tasks: only the longest is critical', () => {
    const tasks: PathTask[] = [
      { key: 'a', status: TaskStatus.Open, dependsOn: [], dueDays: 2 },
      { key: 'b', status: TaskStatus.Claimed, dependsOn: [], dueDays: 5 },
    ];
    expect(criticalPath(tasks)).toEqual({ critical: ['b'], remainingDays: 5 });
  });

  it('an unknown dependency takes no time and a cycle does not loop forever', () => {
    expect(criticalPath([{ key: 'a', status: TaskStatus.Open, dependsOn: ['ghost'], dueDays: 1 }])).toEqual({
      critical: ['a'],
      remainingDays: 1,
    });
    const cycle: PathTask[] = [
      { key: 'a', status: TaskStatus.Open, dependsOn: ['b'], dueDays: 1 },
      { key: 'b', status: TaskStatus.Open, dependsOn: ['a'], dueDays: 1 },
    ];
    expect(criticalPath(cycle).remainingDays).toBeGreaterThan(0);
  });
});
