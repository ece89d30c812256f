/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- tests read JSON answers loosely */
import { tokenFor } from '@dealgate/testing';
import { ProspectsHarness, startProspects } from '../../test/prospects-harness';
import { approvedProspects } from '../../test/funnel-walk';
import { LostReasonHungarian1765300000000 } from '../migrations/1765300000000-lost-reason-hungarian';

// Lost reasons in English and Hungarian: the migration's seeded labels, the endpoint that edits both (an older
// client that sends only `label` keeps the Hungarian one), and the funnel report and its CSV in either language.
describe('prospects service: lost reasons in two languages', () => {
  let h: ProspectsHarness;
  const reasonsOf = async () => (await h.call('sellerA', 'GET', '/prospects/lost-reasons')).body as any[];

  beforeAll(async () => {
    h = await startProspects();
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('gives the seeded defaults a Hungarian label, but not to a default the admin had renamed', async () => {
    const noBudget = (await reasonsOf()).find((r) => r.code === 'no_budget');
    expect(noBudget).toMatchObject({
      label: 'No budget',
      labelHu: 'Nincs rá keret',
      labels: { en: 'No budget', hu: 'Nincs rá keret' },
    });
    // The migration once more, on a company whose admin renamed "No response" before it ran.
    const migration = new LostReasonHungarian1765300000000();
    const runner = h.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await runner.query(`UPDATE prospects.lost_reason SET label = 'Went silent' WHERE code = 'no_response'`);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const reasons = await reasonsOf();
    expect(reasons.find((r) => r.code === 'no_response')).toMatchObject({
      label: 'Went silent',
      labelHu: null,
      labels: { en: 'Went silent', hu: 'Went silent' },
    });
    expect(reasons.find((r) => r.code === 'other')!.labelHu).toBe('Egyéb');
  });

  it('edits both labels; an older client sending only the English one keeps the Hungarian one', async () => {
    const created = await h.call('admin', 'PUT', '/prospects/lost-reasons/too_late', {
      label: 'Too late',
      labelHu: ' Túl későn ',
      noteRequired: false,
      active: true,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ labelHu: 'Túl későn', labels: { en: 'Too late', hu: 'Túl későn' } });

    const older = await h.call('admin', 'PUT', '/prospects/lost-reasons/too_late', {
      label: 'Much too late',
      noteRequired: false,
      active: true,
    });
    expect(older.body).toMatchObject({ label: 'Much too late', labelHu: 'Túl későn' });

    const cleared = await h.call('admin', 'PUT', '/prospects/lost-reasons/too_late', {
      label: 'Much too late',
      labelHu: null,
      noteRequired: false,
      active: true,
    });
    expect(cleared.body).toMatchObject({ labelHu: null, labels: { en: 'Much too late', hu: 'Much too late' } });

    const tooLong = await h.call('admin', 'PUT', '/prospects/lost-reasons/too_late', {
      label: 'Late',
      labelHu: 'x'.repeat(121),
      noteRequired: false,
      active: true,
    });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('labelHu');
  });

  it('labels the funnel’s lost reasons in both languages and its CSV in the one asked for', async () => {
    const { prospects } = await approvedProspects(h, [{ name: 'Omikron Paper Kft' }]);
    const prospect = (await h.call('headA', 'GET', `/prospects/${prospects[0].id}`)).body;
    const lost = await h.call('headA', 'POST', `/prospects/${prospect.id}/lose`, {
      version: prospect.version,
      reasonCode: 'chose_competitor',
    });
    expect(lost.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const period = `from=${today}&to=${tomorrow}`;

    const report = (await h.call('owner', 'GET', `/analytics/funnel?${period}`)).body;
    expect(report.lostByReason.find((r: any) => r.reason === 'chose_competitor').labels).toEqual({
      en: 'Chose a competitor',
      hu: 'Versenytársat választott',
    });

    const csv = async (query: string) => {
      const response = await fetch(`${h.url}/api/analytics/funnel?${period}&format=csv${query}`, {
        headers: { authorization: `Bearer ${tokenFor(h.people.owner)}` },
      });
      expect(response.status).toBe(200);
      return (await response.text()).split('\r\n');
    };
    const hungarian = await csv('&lang=hu');
    expect(hungarian[0]).toBe('section,stage,reason,count,rate,reason_label');
    expect(hungarian.find((line) => line.includes('chose_competitor'))).toMatch(/,Versenytársat választott$/);
    const english = await csv('');
    expect(english.find((line) => line.includes('chose_competitor'))).toMatch(/,Chose a competitor$/);
    expect((await h.call('owner', 'GET', `/analytics/funnel?${period}&lang=de`)).status).toBe(400);
  });
});
