import { describe, expect, it } from 'vitest';
import { auditPeriod } from './audit-period';

describe('the audit filter’s period', () => {
  it('starts at the local midnight of the first day and ends at the midnight after the last (included)', () => {
    expect(auditPeriod('2026-10-01', '2026-10-31')).toEqual({
      from: new Date(2026, 9, 1).toISOString(),
      to: new Date(2026, 10, 1).toISOString(),
    });
    expect(auditPeriod('2026-12-31', '2026-12-31')).toEqual({
      from: new Date(2026, 11, 31).toISOString(),
      to: new Date(2027, 0, 1).toISOString(),
    });
  });

  it('leaves out an end that is not given or not a day', () => {
    expect(auditPeriod(undefined, '2026-10-31')).toEqual({ to: new Date(2026, 10, 1).toISOString() });
    expect(auditPeriod('yesterday')).toEqual({});
  });
});
