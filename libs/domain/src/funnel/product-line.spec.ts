import { FunnelErrorCode } from './funnel-error';
import {
  assertValidProductLine,
  findProductLineFieldProblems,
  findProductLineProblems,
  isProspectStalled,
  sumStageLimitDays,
} from './product-line';
import { INDUSTRIAL_EQUIPMENT_PRODUCT_LINE, PRODUCT_LINE_PRESETS, SOFTWARE_PRODUCT_LINE } from './product-line-presets';
import { ProspectStatus, Stage } from './stage';

const entered = new Date('2025-01-01T10:00:00Z');
const plusDays = (days: number, ms = 0) => new Date(entered.getTime() + days * 86_400_000 + ms);

describe('product line presets', () => {
  it.each(PRODUCT_LINE_PRESETS.map((line) => [line.code, line]))('%s is valid', (_code, line) => {
    expect(findProductLineProblems(line)).toEqual([]);
  });

  it('match the cycles of DOMAIN.md', () => {
    expect(SOFTWARE_PRODUCT_LINE.cycleDays).toEqual({ min: 120, max: 150 });
    expect(INDUSTRIAL_EQUIPMENT_PRODUCT_LINE.cycleDays).toEqual({ min: 540, max: 730 });
    expect(sumStageLimitDays(SOFTWARE_PRODUCT_LINE.stageLimitDays)).toBe(130);
  });

  it('have unique codes', () => {
    const codes = PRODUCT_LINE_PRESETS.map((line) => line.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('product line validation', () => {
  const base = SOFTWARE_PRODUCT_LINE;
  it.each([
    ['empty name', { ...base, name: ' ' }, /needs a name/],
    ['min above max', { ...base, cycleDays: { min: 200, max: 150 } }, /0 < min <= max/],
    ['zero limit', { ...base, stageLimitDays: { ...base.stageLimitDays, [Stage.Contract]: 0 } }, /stage contract/],
    [
      'fractional limit',
      { ...base, stageLimitDays: { ...base.stageLimitDays, [Stage.Sampling]: 1.5 } },
      /stage sampling/,
    ],
    [
      'limits above the cycle',
      { ...base, stageLimitDays: { ...base.stageLimitDays, [Stage.Contract]: 60 } },
      /add up to 160/,
    ],
    ['limits below the cycle', { ...base, cycleDays: { min: 140, max: 150 } }, /add up to 130/],
  ])('%s is refused', (_name, line, message) => {
    expect(findProductLineProblems(line).join(' ')).toMatch(message);
    expect(() => assertValidProductLine(line)).toThrow(
      expect.objectContaining({ code: FunnelErrorCode.ProductLineInvalid }),
    );
  });

  it.each([
    ['an empty name', { ...base, name: '' }, 'name'],
    ['min above max', { ...base, cycleDays: { min: 200, max: 150 } }, 'cycleDays'],
    [
      'a zero limit',
      { ...base, stageLimitDays: { ...base.stageLimitDays, [Stage.Contract]: 0 } },
      'stageLimitDays.contract',
    ],
    ['limits outside the cycle', { ...base, cycleDays: { min: 140, max: 150 } }, 'stageLimitDays'],
  ])('names the input of %s, so a form shows it on the field', (_name, line, field) => {
    expect(findProductLineFieldProblems(line).map((p) => p.field)).toEqual([field]);
    expect(() => assertValidProductLine(line)).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ fields: [{ field, problems: [expect.any(String)] }] }),
      }),
    );
  });
});

describe('stalled prospects', () => {
  it.each([
    [ProspectStatus.Active, true],
    [ProspectStatus.Lost, false],
    [ProspectStatus.Won, false],
  ])('a %s prospect past its limit stalled=%s', (status, expected) => {
    const prospect = { stage: Stage.PrimaryContact, status, stageEnteredAt: entered };
    expect(isProspectStalled(prospect, SOFTWARE_PRODUCT_LINE, plusDays(22))).toBe(expected);
  });
});
