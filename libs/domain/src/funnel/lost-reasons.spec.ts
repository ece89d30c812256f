import { FunnelErrorCode } from './funnel-error';
import { DEFAULT_LOST_REASONS, LOST_REASON_OFFER_REJECTED, validateLostReason } from './lost-reasons';

describe('lost reasons', () => {
  it('ships the default list with free text required only for "other"', () => {
    expect(DEFAULT_LOST_REASONS.map((reason) => reason.code)).toEqual([
      'no_budget',
      'chose_competitor',
      'no_decision_maker',
      'not_a_fit',
      'no_response',
      LOST_REASON_OFFER_REJECTED,
      'other',
    ]);
    expect(DEFAULT_LOST_REASONS.filter((reason) => reason.noteRequired).map((reason) => reason.code)).toEqual([
      'other',
    ]);
  });

  it.each([
    [{ code: 'no_budget' }, { code: 'no_budget', note: null }],
    [
      { code: 'no_budget', note: ' frozen till Q3 ' },
      { code: 'no_budget', note: 'frozen till Q3' },
    ],
    [
      { code: 'other', note: 'merged' },
      { code: 'other', note: 'merged' },
    ],
  ])('accepts %j', (input, expected) => {
    expect(validateLostReason(input)).toEqual(expected);
  });

  it.each([
    [{ code: 'other' }, FunnelErrorCode.LostReasonNoteRequired],
    [{ code: 'other', note: '   ' }, FunnelErrorCode.LostReasonNoteRequired],
    [{ code: 'weather' }, FunnelErrorCode.LostReasonUnknown],
  ])('refuses %j with %s', (input, code) => {
    expect(() => validateLostReason(input)).toThrow(expect.objectContaining({ code }));
  });

  it('uses a configured list instead of the default', () => {
    const reasons = [{ code: 'price', label: 'Price', noteRequired: true }];
    expect(() => validateLostReason({ code: 'no_budget' }, reasons)).toThrow(
      expect.objectContaining({ code: FunnelErrorCode.LostReasonUnknown }),
    );
    expect(validateLostReason({ code: 'price', note: '20% above' }, reasons)).toEqual({
      code: 'price',
      note: '20% above',
    });
  });
});
