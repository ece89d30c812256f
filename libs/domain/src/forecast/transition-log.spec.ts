import { LogEvent, logAsOf } from './transition-log';

const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day));
const ev = (
  prospectId: string,
  day: number,
  fromStage: LogEvent['fromStage'],
  toStage: LogEvent['toStage'],
  toStatus: LogEvent['toStatus'] = 'active',
): LogEvent => ({
  prospectId,
  fromStage,
  toStage,
  toStatus,
  at: at(day),
  productLineId: 'pl',
  unitId: 'u',
  ownerId: 's',
});

const LOG: LogEvent[] = [
  ev('a', 0, 'sampling', 'primary_contact'),
  ev('a', 10, 'primary_contact', 'needs_identification'),
  ev('b', 2, 'sampling', 'primary_contact'),
  ev('b', 5, 'primary_contact', 'primary_contact', 'lost'),
  ev('a', 30, 'needs_identification', 'offer_formation'),
  ev('c', 40, 'sampling', 'primary_contact'),
];

describe('the log as of a time', () => {
  it('never sees an event at or after the as-of time', () => {
    const before = logAsOf(LOG, at(20));
    // a is still in needs identification at day 20 (its brief on day 30 is in the future), c does not exist yet.
    expect(before.open.map((s) => [s.prospectId, s.stage])).toEqual([['a', 'needs_identification']]);
    expect(before.stays.map((s) => [s.prospectId, s.stage, s.outcome])).toEqual([
      ['a', 'primary_contact', 'advance'],
      ['b', 'primary_contact', 'lost'],
      ['a', 'needs_identification', 'open'],
    ]);
    // The open stay is censored at the as-of time.
    expect(before.open[0].endedAt).toBe(at(20).getTime());
    // Adding future events changes nothing before T.
    const withFuture = logAsOf([...LOG, ev('a', 25, 'needs_identification', 'needs_identification', 'lost')], at(20));
    expect(withFuture).toEqual(before);
    expect(logAsOf(LOG, at(10)).open.map((s) => s.stage)).toEqual(['primary_contact']);
  });

  it('ends a stay at a win, counts a move back as censored and a reopened prospect as a new stay', () => {
    const log = [
      ev('d', 0, 'sampling', 'primary_contact'),
      ev('d', 5, 'primary_contact', 'offer_defence'),
      ev('d', 8, 'offer_defence', 'offer_formation'),
      ev('d', 9, 'offer_formation', 'offer_formation', 'lost'),
      { ...ev('d', 12, 'offer_formation', 'offer_formation'), toStatus: 'active' as const },
      ev('d', 13, 'offer_formation', 'contract'),
      { ...ev('d', 20, 'contract', 'contract', 'won'), valueMinor: 500 },
    ];
    const state = logAsOf(log, at(30));
    expect(state.stays.map((s) => [s.stage, s.outcome, (s.endedAt - s.enteredAt) / 86400000])).toEqual([
      ['primary_contact', 'advance', 5],
      ['offer_defence', 'open', 3],
      ['offer_formation', 'lost', 1],
      ['offer_formation', 'advance', 1],
      ['contract', 'advance', 7],
    ]);
    expect(state.open).toEqual([]);
    expect(state.won).toEqual([{ prospectId: 'd', at: at(20).getTime(), valueMinor: 500 }]);
  });
});
