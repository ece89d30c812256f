import { AnalyticsErrorCode } from './analytics-error';
import { StageStay, checkStageStall, findStalledStays, stageStallKey } from './stall';

const enteredAt = new Date('2026-06-01T09:00:00Z');
const stay: StageStay = { prospectId: 'p1', stage: 'offer_formation', enteredAt, limitDays: 10 };
const at = (iso: string) => new Date(iso);

describe('checkStageStall', () => {
  it('is on time up to and including the limit', () => {
    expect(checkStageStall(stay, at('2026-06-11T09:00:00Z'))).toEqual({
      key: 'stall:p1:offer_formation:2026-06-01T09:00:00.000Z',
      prospectId: 'p1',
      stage: 'offer_formation',
      stalled: false,
      daysInStage: 10,
      dueAt: at('2026-06-11T09:00:00Z'),
      daysOver: 0,
    });
  });

  it('is stalled just past the limit, counting started days over', () => {
    expect(checkStageStall(stay, at('2026-06-11T09:00:01Z'))).toMatchObject({ stalled: true, daysOver: 1 });
    expect(checkStageStall(stay, at('2026-06-14T09:00:00Z'))).toMatchObject({
      stalled: true,
      daysInStage: 13,
      daysOver: 3,
    });
    expect(checkStageStall(stay, at('2026-06-14T10:00:00Z'))).toMatchObject({ daysInStage: 13, daysOver: 4 });
  });

  it('never stalls a stage without a limit', () => {
    expect(checkStageStall({ ...stay, limitDays: null }, at('2030-01-01T00:00:00Z'))).toMatchObject({
      stalled: false,
      dueAt: null,
      daysOver: 0,
    });
  });

  it('treats an entry after now as just entered', () => {
    expect(checkStageStall(stay, at('2026-05-31T00:00:00Z'))).toMatchObject({ stalled: false, daysInStage: 0 });
  });

  it('rejects a negative limit and an invalid date', () => {
    const invalid = expect.objectContaining({ code: AnalyticsErrorCode.InvalidInput });
    expect(() => checkStageStall({ ...stay, limitDays: -1 }, enteredAt)).toThrow(invalid);
    expect(() => checkStageStall({ ...stay, enteredAt: new Date('x') }, enteredAt)).toThrow(invalid);
  });
});

describe('stageStallKey', () => {
  it('is the same for the same stay and differs for a re-entry', () => {
    const now = at('2026-07-01T00:00:00Z');
    expect(checkStageStall(stay, now).key).toBe(checkStageStall(stay, at('2026-08-01T00:00:00Z')).key);
    expect(stageStallKey('p1', 'offer_formation', at('2026-06-20T00:00:00Z'))).not.toBe(checkStageStall(stay, now).key);
  });
});

describe('findStalledStays', () => {
  it('lists only stalled stays, most overdue first', () => {
    const now = at('2026-06-21T09:00:00Z');
    const result = findStalledStays(
      [
        stay, // 10 days over
        { prospectId: 'p2', stage: 'primary_contact', enteredAt, limitDays: 30 }, // on time
        { prospectId: 'p3', stage: 'offer_defence', enteredAt, limitDays: 5 }, // 15 days over
      ],
      now,
    );
    expect(result.map((r) => [r.prospectId, r.daysOver])).toEqual([
      ['p3', 15],
      ['p1', 10],
    ]);
    expect(findStalledStays([], now)).toEqual([]);
  });
});
