import { describe, expect, it } from 'vitest';
import { isWholeMonths, monthsOf, parseFilters, parsePeriod, periodParams, withView } from './period';

const parse = (query: string, today = new Date('2026-12-02T10:00:00Z')) =>
  parsePeriod(new URLSearchParams(query), today);

describe('the dashboards period in the URL', () => {
  it('reads a month, a quarter and a custom range (to included in the URL, excluded for the API)', () => {
    expect(parse('period=month&month=2026-02')).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-03-01' });
    expect(parse('period=quarter&quarter=2026-Q4')).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2027-01-01' });
    expect(parse('period=custom&from=2026-10-05&to=2026-11-20')).toEqual({
      kind: 'custom',
      from: '2026-10-05',
      to: '2026-11-21',
    });
  });

  it('falls back to the current month when the URL says nothing or nonsense', () => {
    const december = { kind: 'month', from: '2026-12-01', to: '2027-01-01' };
    expect(parse('')).toEqual(december);
    expect(parse('period=month&month=2026-13')).toEqual(december);
    expect(parse('period=quarter&quarter=2026-Q5')).toEqual(december);
    expect(parse('period=custom&from=2026-11-20&to=2026-10-05')).toEqual(december);
    expect(parse('period=custom&from=2026-02-30&to=2026-03-05')).toEqual(december);
  });

  it('writes what it reads', () => {
    for (const query of [
      'period=month&month=2026-02',
      'period=quarter&quarter=2027-Q1',
      'period=custom&from=2026-10-05&to=2026-11-20',
    ]) {
      expect(new URLSearchParams(periodParams(parse(query))).toString()).toBe(query);
    }
  });

  it('keeps the filters and the tab, drops empty filters and ids that are not ids', () => {
    const unit = '7f1c2a84-5d0b-4c37-9b6e-0d5d1c3f8a21';
    const params = withView(new URLSearchParams('tab=plan&salesperson=old'), parse('period=month&month=2026-12'), {
      unitId: unit,
    });
    expect(params.toString()).toBe(`tab=plan&period=month&month=2026-12&unit=${unit}`);
    expect(parseFilters(new URLSearchParams(`unit=${unit}&salesperson=x&line=`))).toEqual({
      unitId: unit,
      salespersonId: undefined,
      productLineId: undefined,
    });
  });

  it('names the months a period touches, and whether it is whole months', () => {
    expect(monthsOf(parse('period=quarter&quarter=2026-Q4'))).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOf(parse('period=custom&from=2026-10-05&to=2026-11-01'))).toEqual(['2026-10', '2026-11']);
    expect(isWholeMonths(parse('period=quarter&quarter=2026-Q4'))).toBe(true);
    expect(isWholeMonths(parse('period=custom&from=2026-10-01&to=2026-11-30'))).toBe(true);
    expect(isWholeMonths(parse('period=custom&from=2026-10-05&to=2026-11-30'))).toBe(false);
  });
});
