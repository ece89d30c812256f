import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DefaultTaskKey as K } from '@dealgate/domain';
import { ContractTasksDuePayload, JobName } from '@dealgate/messages';
import { callApi } from '@dealgate/testing';
import { aCaseWhoseTasksAreAllDone, aFreshCast } from '../../test/case-builders';
import { ContractsUnderTest, caseOf, deliver, emitted, startContracts, taskIds } from '../../test/contracts-kit';

const at = (day: number, hour = 9) => new Date(Date.UTC(2027, 0, day, hour));

describe('contract.tasks_due: when the work signing waits for is due (medium, real PostgreSQL)', () => {
  let svc: ContractsUnderTest;

  beforeAll(async () => {
    svc = await startContracts();
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await svc?.stop();
  });

  const reports = (prospectId: string): Promise<ContractTasksDuePayload[]> =>
    emitted(svc.db.url, JobName.ContractTasksDue, (p) => p.prospectId === prospectId);

  it('reports the projected sign-off date when the case opens, and an earlier one as tasks are done early', async () => {
    const cast = await aFreshCast(svc);
    jest.spyOn(svc.clock, 'now').mockReturnValue(at(1));
    await deliver(svc.app, JobName.OfferDefended, cast.offer);
    const caseId = await caseOf(svc.db.url, cast.offer.offerId);
    // Opened Jan 1 09:00: the default graph's longest chain is 8 days (critical-path.spec.ts), so Jan 9.
    const [opened] = await reports(cast.offer.prospectId);
    expect(opened).toMatchObject({ caseId, dueAt: at(9).toISOString(), openTasks: 6, at: at(1).toISOString() });

    const tasks = await taskIds(svc.db.url, caseId);
    jest.spyOn(svc.clock, 'now').mockReturnValue(at(2));
    for (const [key, who] of [
      [K.DraftContract, cast.token.legal],
      [K.CreditCheck, cast.token.accounting],
    ] as const) {
      for (const step of ['claim', 'complete']) {
        const answer = await callApi(svc.url, 'POST', `/api/tasks/${tasks[key]}/${step}`, { token: who });
        expect([key, step, answer.status]).toEqual([key, step, 200]);
      }
    }
    // Claims report nothing; each completion reports. Both done Jan 2: review due Jan 4, billing Jan 5, payment
    // Jan 7, sign-off Jan 8.
    const all = await reports(cast.offer.prospectId);
    expect(all.map((r) => [r.dueAt, r.openTasks])).toEqual([
      [at(9).toISOString(), 6],
      [at(9).toISOString(), 5],
      [at(8).toISOString(), 4],
    ]);
    expect(all.map((r) => r.sequence)).toEqual([...all.map((r) => r.sequence)].sort((a, b) => a - b));
    expect(new Set(all.map((r) => r.sequence)).size).toBe(3);
  });

  it('reports none open (null) once every required task is done, later than every earlier report', async () => {
    const c = await aCaseWhoseTasksAreAllDone(svc);
    const all = await reports(c.offer.prospectId);
    expect(all).toHaveLength(7); // opened + six completions
    expect(all.at(-1)).toMatchObject({ caseId: c.caseId, dueAt: null, openTasks: 0 });
    // Each one is what the consumer's validation accepts (job-dispatcher.ts), with nothing but ids, dates and counts.
    for (const r of all) {
      expect(
        validateSync(plainToInstance(ContractTasksDuePayload, r), { forbidNonWhitelisted: true, whitelist: true }),
      ).toEqual([]);
      expect(Object.keys(r).sort()).toEqual(['at', 'caseId', 'dueAt', 'openTasks', 'prospectId', 'sequence']);
    }
    const sequences = all.map((r) => r.sequence);
    expect(Math.max(...sequences.slice(0, -1))).toBeLessThan(sequences.at(-1)!);
  });
});
