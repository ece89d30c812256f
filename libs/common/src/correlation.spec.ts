import { currentCorrelationId, sanitizeCorrelationId, withCorrelationId } from './correlation';

describe('correlation id', () => {
  it('is visible inside the callback and across awaits, and gone outside', async () => {
    expect(currentCorrelationId()).toBeUndefined();
    await withCorrelationId('abc-1', async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentCorrelationId()).toBe('abc-1');
    });
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('generates one when none is given', () => {
    withCorrelationId(undefined, () => expect(currentCorrelationId()).toMatch(/^[0-9a-f-]{36}$/));
  });

  it.each([
    ['req-123', 'req-123'],
    ['a b', undefined],
    ['x\ninjected', undefined],
    ['y'.repeat(101), undefined],
    [42, undefined],
  ])('sanitizes %p', (input, expected) => expect(sanitizeCorrelationId(input)).toBe(expected));
});
