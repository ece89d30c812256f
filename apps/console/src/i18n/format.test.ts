import { describe, expect, it } from 'vitest';
import { formatMinutes } from './format';

describe('formatMinutes', () => {
  it('names a span in its largest whole unit, in the language asked', () => {
    expect([1440, 2880, 120, 95, 90].map((m) => formatMinutes(m, 'en'))).toEqual([
      '1 day',
      '2 days',
      '2 hours',
      '95 minutes',
      '90 minutes',
    ]);
    expect([1440, 120, 95].map((m) => formatMinutes(m, 'hu'))).toEqual(['1 nap', '2 óra', '95 perc']);
  });

  it('keeps zero in minutes rather than calling it days', () => {
    expect(formatMinutes(0, 'en')).toBe('0 minutes');
  });
});
