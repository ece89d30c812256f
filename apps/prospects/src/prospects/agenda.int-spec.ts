/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- tests read JSON answers loosely */
import { ProspectsHarness, startProspects } from '../../test/prospects-harness';
import { FULL_SECTIONS, approvedProspects, offerTerms } from '../../test/funnel-walk';

// Jest applies only the global testTimeout (the integration project's 60 s is not read): booting a service under
// load takes longer than the default 5 s.
jest.setTimeout(60_000);

// One service and one database for the file: the home page of a salesperson and of their sales head.
describe('prospects service: agenda', () => {
  let h: ProspectsHarness;
  const ids: Record<string, string> = {};
  const meetings: Record<string, string> = {};
  let offerId: string;

  async function assign(id: string) {
    const p = (await h.call('headA', 'GET', `/prospects/${id}`)).body;
    await h.call('headA', 'POST', `/prospects/${id}/assign`, { version: p.version, ownerId: h.people.sellerA.userId });
  }

  async function meet(id: string, scheduledAt: string) {
    const contact = await h.call('sellerA', 'POST', `/prospects/${id}/contacts`, {
      name: 'Dana Moss',
      position: 'COO',
      isDecisionMaker: true,
      decisionReason: 'Signs supply contracts',
    });
    return (await h.call('sellerA', 'POST', `/prospects/${id}/meetings`, { contactId: contact.body.id, scheduledAt }))
      .body.id as string;
  }

  const agenda = (who: 'sellerA' | 'sellerA2' | 'headA', query = '') => h.call(who, 'GET', `/prospects/agenda${query}`);

  beforeAll(async () => {
    h = await startProspects();
    const { prospects } = await approvedProspects(h, [
      { name: 'Kappa Kilns' },
      { name: 'Lambda Labs' },
      { name: 'Mu Metals' },
      { name: 'Nu Nets' },
    ]);
    for (const p of prospects) ids[p.companyName.split(' ')[0].toLowerCase()] = p.id;
    for (const key of ['kappa', 'lambda', 'nu']) await assign(ids[key]);
    meetings.kappa = await meet(ids.kappa, '2026-06-15T09:30:00Z');
    meetings.lambda = await meet(ids.lambda, '2026-06-16T08:00:00Z');
    await h.dataSource.query(`UPDATE prospect SET stage_entered_at = now() - interval '40 days' WHERE id = $1`, [
      ids.lambda,
    ]);
    // Nu's offer goes to its approver.
    const nuMeeting = await meet(ids.nu, '2026-06-01T10:00:00Z');
    await h.call('sellerA', 'POST', `/prospects/${ids.nu}/meetings/${nuMeeting}/held`, {
      heldAt: '2026-06-01T11:00:00Z',
    });
    const brief = await h.call('sellerA', 'PUT', `/prospects/${ids.nu}/brief`, {
      sections: FULL_SECTIONS,
      needs: [{ text: 'Faster ordering' }],
    });
    await h.call('sellerA', 'POST', `/prospects/${ids.nu}/brief/complete`, { version: brief.body.version });
    const offer = await h.call('sellerA', 'POST', `/prospects/${ids.nu}/offers`, offerTerms([brief.body.needs[0].id]));
    offerId = offer.body.id;
    await h.call('sellerA', 'POST', `/offers/${offerId}/submit`, { version: offer.body.version });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it("lists the scheduled meetings of the caller's own prospects within the day the client sends", async () => {
    const budapestDay = await agenda('sellerA', '?from=2026-06-15T00:00:00%2B02:00&to=2026-06-16T00:00:00%2B02:00');
    expect(budapestDay.status).toBe(200);
    expect(budapestDay.body.meetingsToday).toEqual([
      {
        id: meetings.kappa,
        prospectId: ids.kappa,
        companyName: 'Kappa Kilns',
        contactId: expect.any(String),
        contactName: 'Dana Moss',
        scheduledAt: '2026-06-15T09:30:00.000Z',
        agenda: null,
      },
    ]);
    // The same instants seen from a time zone where the 16th has already begun.
    const later = await agenda('sellerA', '?from=2026-06-15T22:00:00Z&to=2026-06-16T22:00:00Z');
    expect(later.body.meetingsToday.map((m: any) => m.id)).toEqual([meetings.lambda]);
  });

  it("lists the caller's stalled prospects and offers waiting on approval; nothing of the unit for a salesperson", async () => {
    const mine = await agenda('sellerA');
    expect(mine.body.stalled).toEqual([
      {
        id: ids.lambda,
        companyName: 'Lambda Labs',
        stage: 'needs_identification',
        ownerId: h.people.sellerA.userId,
        productLineId: expect.any(String),
        daysInStage: 40,
        stageLimitDays: 21,
      },
    ]);
    expect(mine.body.waitingOffers).toEqual([
      expect.objectContaining({
        id: offerId,
        prospectId: ids.nu,
        companyName: 'Nu Nets',
        number: 1,
        status: 'pending_approval',
        totalMinor: 114_000,
        currency: 'EUR',
      }),
    ]);
    expect(mine.body.unit).toBeNull();
  });

  it("shows nothing of a colleague's prospects", async () => {
    const other = await agenda('sellerA2', '?from=2026-06-15T00:00:00Z');
    expect(other.body).toEqual({ meetingsToday: [], stalled: [], waitingOffers: [], unit: null });
  });

  it("gives a sales head their unit's stalled prospects and how many are unassigned", async () => {
    const head = await agenda('headA');
    expect(head.status).toBe(200);
    expect(head.body.unit).toEqual({
      unitId: h.unitA,
      stalled: [expect.objectContaining({ id: ids.lambda, daysInStage: 40 })],
      unassigned: 1,
    });
    expect(head.body.stalled).toEqual([]);
  });

  it('refuses a day that ends before it starts or lasts over 48 hours, and a malformed instant', async () => {
    const backwards = await agenda('sellerA', '?from=2026-06-15T00:00:00Z&to=2026-06-14T00:00:00Z');
    expect(backwards.status).toBe(422);
    expect(backwards.body.code).toBe('agenda.range_invalid');
    expect((await agenda('sellerA', '?from=2026-06-15T00:00:00Z&to=2026-06-18T00:00:00Z')).status).toBe(422);
    expect((await agenda('sellerA', '?from=yesterday')).status).toBe(400);
  });
});
