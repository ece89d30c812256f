import { daysInStage, isStalled, stageTime, stallDeadline } from './stage-limit';

const entered = new Date('2025-01-01T10:00:00Z');
const plusDays = (days: number, ms = 0) => new Date(entered.getTime() + days * 86_400_000 + ms);

describe('days in stage against the limit', () => {
  it.each([
    [plusDays(0), 10, false, 0],
    [plusDays(9, 1), 10, false, 9],
    [plusDays(10), 10, false, 10],
    [plusDays(10, 1), 10, true, 10],
    [plusDays(45), 10, true, 45],
    [plusDays(-1), 10, false, 0],
  ])('at %s with a %i-day limit over=%s, days in stage %i', (now, limit, over, days) => {
    expect(isStalled(entered, now, limit)).toBe(over);
    expect(daysInStage(entered, now)).toBe(days);
    expect(stageTime(entered, limit, now)).toEqual({
      daysInStage: days,
      stageLimitDays: limit,
      dueAt: plusDays(limit),
      overLimit: over,
    });
  });

  it('is over the limit just past it although the whole days still equal the limit', () => {
    // 10 days and a second: the figure reads "10 of 10 days", yet the prospect is late.
    expect(stageTime(entered, 10, plusDays(10, 1000))).toMatchObject({ daysInStage: 10, overLimit: true });
  });

  it('is never over without a limit', () => {
    expect(stageTime(entered, null, plusDays(5000))).toEqual({
      daysInStage: 5000,
      stageLimitDays: null,
      dueAt: null,
      overLimit: false,
    });
  });

  it('gives the deadline in exact 24-hour days', () => {
    expect(stallDeadline(entered, 21)).toEqual(plusDays(21));
  });
});
