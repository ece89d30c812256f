import { DomainError } from '../domain-error';
import { FunnelErrorCode } from './funnel-error';
import { MeetingAction, MeetingStatus, nextMeetingStatus } from './meeting';
import {
  assertOfferEditable,
  assertOfferRevisable,
  assertOfferSubmittable,
  offerTotalMinor,
  OfferStatus,
} from './offer-status';

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('meeting status', () => {
  const table: [MeetingStatus, MeetingAction, MeetingStatus | FunnelErrorCode][] = [
    [MeetingStatus.Scheduled, MeetingAction.MarkHeld, MeetingStatus.Held],
    [MeetingStatus.Scheduled, MeetingAction.Cancel, MeetingStatus.Cancelled],
    [MeetingStatus.Scheduled, MeetingAction.Reschedule, MeetingStatus.Scheduled],
    [MeetingStatus.Held, MeetingAction.MarkHeld, FunnelErrorCode.MeetingNotOpen],
    [MeetingStatus.Held, MeetingAction.Cancel, FunnelErrorCode.MeetingNotOpen],
    [MeetingStatus.Held, MeetingAction.Reschedule, FunnelErrorCode.MeetingNotOpen],
    [MeetingStatus.Cancelled, MeetingAction.MarkHeld, FunnelErrorCode.MeetingNotOpen],
    [MeetingStatus.Cancelled, MeetingAction.Reschedule, FunnelErrorCode.MeetingNotOpen],
  ];
  it.each(table)('%s + %s -> %s', (status, action, expected) => {
    if (expected.startsWith('funnel.')) expect(codeOf(() => nextMeetingStatus(status, action))).toBe(expected);
    else expect(nextMeetingStatus(status, action)).toBe(expected);
  });
});

describe('offer status gates', () => {
  const all = Object.values(OfferStatus);
  const editable = [OfferStatus.Draft, OfferStatus.Rejected, OfferStatus.PendingApproval];
  const submittable = [OfferStatus.Draft, OfferStatus.Rejected];
  const revisable = [OfferStatus.Approved, OfferStatus.ChangesRequested];
  it.each(all)('%s: edit, submit and revise are allowed exactly where they should be', (status) => {
    expect(codeOf(() => assertOfferEditable(status))).toBe(
      editable.includes(status) ? null : FunnelErrorCode.OfferNotEditable,
    );
    expect(codeOf(() => assertOfferSubmittable(status))).toBe(
      submittable.includes(status) ? null : FunnelErrorCode.OfferNotEditable,
    );
    expect(codeOf(() => assertOfferRevisable(status))).toBe(
      revisable.includes(status) ? null : FunnelErrorCode.OfferNotRevisable,
    );
  });

  it('totals in minor units after the discount', () => {
    expect(
      offerTotalMinor(
        [
          { quantity: 2, unitPriceMinor: 1000 },
          { quantity: 1, unitPriceMinor: 500 },
        ],
        10,
      ),
    ).toBe(2250);
    expect(offerTotalMinor([{ quantity: 3, unitPriceMinor: 333 }], 0)).toBe(999);
    expect(offerTotalMinor([{ quantity: 1, unitPriceMinor: 5 }], 50)).toBe(3);
  });
});
