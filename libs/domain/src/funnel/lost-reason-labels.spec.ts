import { lostReasonLabels } from './lost-reason-labels';
import { DEFAULT_LOST_REASONS } from './lost-reasons';

describe('lost reason labels', () => {
  it.each([
    ['both given', { label: 'No budget', labelHu: 'Nincs rá keret' }, { en: 'No budget', hu: 'Nincs rá keret' }],
    ['no Hungarian one: the English', { label: 'No budget', labelHu: null }, { en: 'No budget', hu: 'No budget' }],
    ['a blank Hungarian one: the English', { label: 'No budget', labelHu: '  ' }, { en: 'No budget', hu: 'No budget' }],
    [
      'no English one: the Hungarian',
      { label: '', labelHu: 'Nincs rá keret' },
      { en: 'Nincs rá keret', hu: 'Nincs rá keret' },
    ],
    [
      'spaces trimmed',
      { label: ' No budget ', labelHu: ' Nincs rá keret ' },
      { en: 'No budget', hu: 'Nincs rá keret' },
    ],
    ['nothing configured: the code', undefined, { en: 'no_budget', hu: 'no_budget' }],
  ])('%s', (_case, stored, expected) => {
    expect(lostReasonLabels(stored, 'no_budget')).toEqual(expected);
  });

  it('ships every default reason with a Hungarian label of its own', () => {
    for (const reason of DEFAULT_LOST_REASONS) {
      expect(reason.labelHu?.trim()).toBeTruthy();
      expect(reason.labelHu).not.toBe(reason.label);
    }
  });
});
