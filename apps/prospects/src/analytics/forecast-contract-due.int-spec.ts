import { randomUUID } from 'node:crypto';
import { ContractTasksDuePayload, JobName, ServiceName } from '@dealgate/messages';
import { AnalyticsHarness, startAnalytics } from '../../test/analytics/analytics-harness';
import { forecastHistory, forecastProspect as prospect } from '../../test/analytics/forecast-history';
import { GeneratedProspect, insertFunnel } from '../../test/analytics/funnel-generator';

const DAY = 86_400_000;
const AS_OF = '2026-07-01';

interface Deal {
  prospectId: string;
  probability: number;
  expectedMonth: string | null;
  reason: string;
}

// The forecast medium test's history (three salespeople, nine months), with deals in the contract stage that the
// contracts service reports on with `contract.tasks_due`.
describe('signed-contract forecast timed from the contract tasks’ due dates (contract.tasks_due)', () => {
  let h: AnalyticsHarness;
  let line: string;
  let seller: { userId: string; unitId: string };

  beforeAll(async () => {
    h = await startAnalytics();
    [{ id: line }] = await h.dataSource.query<{ id: string }[]>(
      'SELECT id FROM product_line WHERE cycle_min_days = 30 AND cycle_max_days = 60',
    );
    const { sellerA, sellerA2, sellerB } = h.people;
    const sellers = [sellerA, sellerA2, sellerB].map((p) => ({ userId: p.userId, unitId: p.unitId }));
    seller = sellers[0];
    await insertFunnel(h.db.url, forecastHistory(sellers, line, new Date('2025-10-01T09:00:00Z'), 230));
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** A deal two days into the contract stage as of AS_OF, on its own. */
  async function aContractStageDeal(): Promise<GeneratedProspect> {
    const p = prospect(seller, line, new Date(new Date(`${AS_OF}T00:00:00Z`).getTime() - 22 * DAY), 4, 'open');
    await insertFunnel(h.db.url, [p]);
    return p;
  }

  const report = (prospectId: string, over: Partial<ContractTasksDuePayload>): ContractTasksDuePayload => ({
    caseId: randomUUID(),
    prospectId,
    dueAt: null,
    openTasks: 3,
    sequence: 1,
    at: '2026-06-29T10:00:00.000Z',
    ...over,
  });

  async function deliver(payload: ContractTasksDuePayload, messageId = randomUUID()) {
    await h.deliver(JobName.ContractTasksDue, payload, { messageId, source: ServiceName.Contracts });
    await h.handled(messageId);
  }

  async function dealOf(id: string, asOf = AS_OF): Promise<Deal> {
    const r = await h.call('owner', 'GET', `/analytics/forecast?asOf=${asOf}&limit=100`);
    expect(r.status).toBe(200);
    return (r.body.deals.items as Deal[]).find((d) => d.prospectId === id)!;
  }

  it('times a contract-stage deal from the due date contracts reported, and says so in its reason', async () => {
    const p = await aContractStageDeal();
    const before = await dealOf(p.id);
    // Its stage's history signs it within days.
    expect(before.expectedMonth).toBe('2026-07');
    expect(before.reason).not.toContain('contract tasks due');

    await deliver(report(p.id, { dueAt: '2026-08-20T09:00:00.000Z', sequence: 10 }));
    const after = await dealOf(p.id);
    expect(after.expectedMonth).toBe('2026-08');
    expect(after.reason).toContain('contract tasks due 2026-08-20, so signing is timed within a week after that date');
    // The stage's chance to sign is kept: the horizon (through 2026-Q3) holds the whole week after the date.
    expect(after.probability).toBeGreaterThan(0.3);
  });

  it('keeps the newest report: an older one delivered late, or the same one again, changes nothing', async () => {
    const p = await aContractStageDeal();
    const newest = report(p.id, { dueAt: '2026-09-10T09:00:00.000Z', sequence: 21 });
    const messageId = randomUUID();
    await deliver(newest, messageId);
    await deliver(report(p.id, { dueAt: '2026-07-03T09:00:00.000Z', sequence: 20 }));
    await deliver(newest, messageId);
    expect(await h.count('SELECT count(*) FROM prospects.contract_tasks_due WHERE prospect_id = $1', [p.id])).toBe(2);
    const deal = await dealOf(p.id);
    expect(deal.expectedMonth).toBe('2026-09');
    expect(deal.reason).toContain('contract tasks due 2026-09-10');
  });

  it('handles overdue tasks (signing soon after now) and reads only what was reported before the as-of time', async () => {
    const p = await aContractStageDeal();
    await deliver(report(p.id, { dueAt: '2026-06-20T09:00:00.000Z', sequence: 30 }));
    // Reported after the as-of time: a forecast as of 2026-07-01 has not heard of it.
    await deliver(report(p.id, { dueAt: null, openTasks: 0, sequence: 31, at: '2026-07-02T10:00:00.000Z' }));
    const deal = await dealOf(p.id);
    // Eleven days overdue is later than the default week allows: the week runs from the as-of time.
    expect(deal.reason).toContain(
      'contract tasks due 2026-06-20 (11 days overdue), past the week allowed after it, so signing is expected within a week from now',
    );
    expect(deal.expectedMonth).toBe('2026-07');
    // As of a day after the later report (nothing open), the stage's hazards time it again.
    expect((await dealOf(p.id, '2026-07-03')).reason).not.toContain('contract tasks due');
  });
});
