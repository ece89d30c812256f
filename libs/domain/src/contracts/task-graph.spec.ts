import { DEFAULT_TASK_TEMPLATES, DefaultTaskKey as K } from './default-templates';
import {
  TaskStatus,
  availableSince,
  blockersOf,
  summarizeTaskGraph,
  taskAvailability,
  type GraphTask,
} from './task-graph';

const at = (iso: string): Date => new Date(iso);

// The default graph with some tasks done / claimed.
function defaults(statuses: Partial<Record<string, TaskStatus>> = {}, doneAt: Record<string, Date> = {}): GraphTask[] {
  return DEFAULT_TASK_TEMPLATES.map((t) => ({
    key: t.key,
    dependsOn: t.dependsOn,
    status: statuses[t.key] ?? TaskStatus.Open,
    doneAt: doneAt[t.key] ?? (statuses[t.key] === TaskStatus.Done ? at('2025-03-11T00:00:00Z') : null),
  }));
}

describe('task graph', () => {
  it.each<[string, Partial<Record<string, TaskStatus>>, ReturnType<typeof summarizeTaskGraph>]>([
    [
      'a new case: only the roots are available',
      {},
      {
        available: [K.DraftContract, K.CreditCheck],
        blocked: [
          { key: K.ReviewTerms, blockedBy: [K.DraftContract, K.CreditCheck] },
          { key: K.BillingSetup, blockedBy: [K.CreditCheck] },
          { key: K.PaymentSchedule, blockedBy: [K.BillingSetup, K.ReviewTerms] },
          { key: K.LegalSignOff, blockedBy: [K.ReviewTerms, K.PaymentSchedule] },
        ],
        done: [],
      },
    ],
    [
      'a claimed root stays available; half the dependencies done still blocks',
      { [K.DraftContract]: TaskStatus.Claimed, [K.CreditCheck]: TaskStatus.Done },
      {
        available: [K.DraftContract, K.BillingSetup],
        blocked: [
          { key: K.ReviewTerms, blockedBy: [K.DraftContract] },
          { key: K.PaymentSchedule, blockedBy: [K.BillingSetup, K.ReviewTerms] },
          { key: K.LegalSignOff, blockedBy: [K.ReviewTerms, K.PaymentSchedule] },
        ],
        done: [K.CreditCheck],
      },
    ],
    [
      'everything done',
      Object.fromEntries(DEFAULT_TASK_TEMPLATES.map((t) => [t.key, TaskStatus.Done])),
      { available: [], blocked: [], done: DEFAULT_TASK_TEMPLATES.map((t) => t.key) },
    ],
  ])('%s', (_name, statuses, expected) => {
    expect(summarizeTaskGraph(defaults(statuses))).toEqual(expected);
  });

  it('treats a dependency missing from the case as not done', () => {
    const tasks: GraphTask[] = [{ key: 'b', dependsOn: ['ghost'], status: TaskStatus.Open, doneAt: null }];
    expect(taskAvailability(tasks)).toEqual([{ key: 'b', state: 'blocked', blockedBy: ['ghost'] }]);
  });

  it('blockersOf names the missing dependencies', () => {
    const tasks = defaults({ [K.CreditCheck]: TaskStatus.Done });
    expect(blockersOf(K.ReviewTerms, tasks)).toEqual([K.DraftContract]);
    expect(blockersOf(K.BillingSetup, tasks)).toEqual([]);
  });

  describe('availableSince', () => {
    const opened = at('2025-03-10T00:00:00Z');
    const tasks = defaults(
      { [K.DraftContract]: TaskStatus.Done, [K.CreditCheck]: TaskStatus.Done },
      { [K.DraftContract]: at('2025-03-12T10:00:00Z'), [K.CreditCheck]: at('2025-03-11T10:00:00Z') },
    );
    it.each<[string, string, Date | null]>([
      ['a root: when the case opened', K.DraftContract, opened],
      ['the last dependency done', K.ReviewTerms, at('2025-03-12T10:00:00Z')],
      ['a single dependency done', K.BillingSetup, at('2025-03-11T10:00:00Z')],
      ['still blocked', K.PaymentSchedule, null],
      ['an unknown task', 'ghost', null],
    ])('%s', (_name, key, expected) => {
      expect(availableSince(key, tasks, opened)).toEqual(expected);
    });
  });
});
