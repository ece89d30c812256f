import { AnalyticsErrorCode } from './analytics-error';
import { DEFAULT_SALES_NORMS, NormBounds, SalesNorms, evaluateNorms, isNormBreach, normStatus } from './norms';

const pick = (evaluations: ReturnType<typeof evaluateNorms>, id: string, norm: string) =>
  evaluations.find((e) => e.salespersonId === id && e.norm === norm);

describe('evaluateNorms with the method defaults over one month', () => {
  const evaluations = evaluateNorms(
    [
      { salespersonId: 'ann', meetingsHeld: 42, briefs: 22, signedContracts: 5 },
      { salespersonId: 'bob', meetingsHeld: 30, briefs: 15, signedContracts: 3 },
      { salespersonId: 'cat', meetingsHeld: 46, briefs: 40, signedContracts: 15 },
      { salespersonId: 'dan', meetingsHeld: 0, briefs: 0, signedContracts: 0 },
    ],
    DEFAULT_SALES_NORMS,
    1,
  );

  it('gives three evaluations per salesperson', () => {
    expect(evaluations).toHaveLength(12);
  });

  it('ann is within every norm', () => {
    expect(evaluations.filter((e) => e.salespersonId === 'ann').map((e) => [e.norm, e.status, e.breach])).toEqual([
      ['meetings_held', 'within', false],
      ['briefs_per_meeting_held', 'within', false],
      ['contracts_per_meeting_held', 'within', false],
    ]);
    expect(pick(evaluations, 'ann', 'briefs_per_meeting_held')?.value).toBeCloseTo(22 / 42, 12);
  });

  it('bob: 30 meetings is below 40; exactly 50 % briefs is below "more than 50 %"; 10 % contracts is within', () => {
    expect(pick(evaluations, 'bob', 'meetings_held')).toMatchObject({ value: 30, status: 'below', breach: true });
    expect(pick(evaluations, 'bob', 'briefs_per_meeting_held')).toMatchObject({
      value: 0.5,
      status: 'below',
      breach: true,
    });
    expect(pick(evaluations, 'bob', 'contracts_per_meeting_held')).toMatchObject({
      value: 0.1,
      status: 'within',
      breach: false,
    });
  });

  it('cat: more meetings than 45 is above but no breach; more than 30 % contracts is a breach', () => {
    expect(pick(evaluations, 'cat', 'meetings_held')).toMatchObject({ status: 'above', breach: false });
    expect(pick(evaluations, 'cat', 'contracts_per_meeting_held')).toMatchObject({ status: 'above', breach: true });
  });

  it('dan: zero meetings is below; rates over zero meetings are no_data, not a breach', () => {
    expect(pick(evaluations, 'dan', 'meetings_held')).toMatchObject({ value: 0, status: 'below', breach: true });
    expect(pick(evaluations, 'dan', 'briefs_per_meeting_held')).toMatchObject({
      value: null,
      status: 'no_data',
      breach: false,
    });
    expect(pick(evaluations, 'dan', 'contracts_per_meeting_held')).toMatchObject({ value: null, status: 'no_data' });
  });
});

describe('evaluateNorms period scaling and configuration', () => {
  it('scales the meetings range by the period length, not the rates', () => {
    const [meetings, briefs] = evaluateNorms(
      [{ salespersonId: 'ann', meetingsHeld: 100, briefs: 60, signedContracts: 20 }],
      DEFAULT_SALES_NORMS,
      3,
    );
    expect(meetings).toMatchObject({ value: 100, status: 'below', target: { min: 120, max: 135 } });
    expect(briefs.target).toEqual(DEFAULT_SALES_NORMS.briefs_per_meeting_held);
    const [halfMonth] = evaluateNorms(
      [{ salespersonId: 'ann', meetingsHeld: 21, briefs: 0, signedContracts: 0 }],
      DEFAULT_SALES_NORMS,
      0.5,
    );
    expect(halfMonth).toMatchObject({ status: 'within', target: { min: 20, max: 22.5 } });
  });

  it('uses an organisation configuration', () => {
    const norms: SalesNorms = {
      ...DEFAULT_SALES_NORMS,
      meetings_held: { min: 10, minExclusive: false, max: 12, flagAbove: true },
    };
    const [meetings] = evaluateNorms(
      [{ salespersonId: 'x', meetingsHeld: 13, briefs: 0, signedContracts: 0 }],
      norms,
      1,
    );
    expect(meetings).toMatchObject({ status: 'above', breach: true });
  });

  it('is empty for nobody and rejects a zero-length period', () => {
    expect(evaluateNorms([], DEFAULT_SALES_NORMS, 1)).toEqual([]);
    expect(() => evaluateNorms([], DEFAULT_SALES_NORMS, 0)).toThrow(
      expect.objectContaining({ code: AnalyticsErrorCode.InvalidPeriod }),
    );
  });
});

describe('normStatus and isNormBreach', () => {
  const atLeast: NormBounds = { min: 0.1, minExclusive: false, max: 0.3, flagAbove: true };
  it.each([
    [3 / 30, 'within'], // 0.1 computed in floating point still meets "at least 10 %"
    [9 / 30, 'within'],
    [2 / 30, 'below'],
    [10 / 30, 'above'],
    [null, 'no_data'],
  ])('%s -> %s', (value, status) => {
    expect(normStatus(value, atLeast)).toBe(status);
  });

  it('treats no bounds as always within', () => {
    expect(normStatus(1e9, { min: null, minExclusive: false, max: null, flagAbove: true })).toBe('within');
  });

  it('flags above only when the norm says so', () => {
    expect(isNormBreach('above', { ...atLeast, flagAbove: false })).toBe(false);
    expect(isNormBreach('above', atLeast)).toBe(true);
    expect(isNormBreach('no_data', atLeast)).toBe(false);
  });
});
