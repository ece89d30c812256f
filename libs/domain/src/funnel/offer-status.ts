import { funnelError, FunnelErrorCode } from './funnel-error';

/** The life of one offer version. Values are stored and sent on the wire: never rename. */
export enum OfferStatus {
  Draft = 'draft',
  PendingApproval = 'pending_approval',
  Approved = 'approved',
  /** The approver said no; the author edits and submits again. */
  Rejected = 'rejected',
  /** A newer version replaced it (its approval, if any, is void). */
  Superseded = 'superseded',
  /** The prospect raised objections at the defence: a new version is needed. */
  ChangesRequested = 'changes_requested',
  /** The prospect said "we are satisfied with the offer": the contract baseline. */
  Accepted = 'accepted',
  /** The prospect rejected it at the defence. */
  Declined = 'declined',
}

/** Open versions block a second one: a prospect has at most one offer in the works. */
export const OPEN_OFFER_STATUSES: readonly OfferStatus[] = [
  OfferStatus.Draft,
  OfferStatus.PendingApproval,
  OfferStatus.Approved,
  OfferStatus.Rejected,
];

/** Editing in place: a draft or a rejected version; a pending one is edited too, which voids its request. */
export function assertOfferEditable(status: OfferStatus): void {
  if (status !== OfferStatus.Draft && status !== OfferStatus.Rejected && status !== OfferStatus.PendingApproval) {
    throw funnelError(
      FunnelErrorCode.OfferNotEditable,
      `An offer that is ${status.replace('_', ' ')} cannot be edited; create a new version (a revision) instead.`,
      { status },
    );
  }
}

export function assertOfferSubmittable(status: OfferStatus): void {
  if (status !== OfferStatus.Draft && status !== OfferStatus.Rejected) {
    throw funnelError(
      FunnelErrorCode.OfferNotEditable,
      `Only a draft (or rejected) offer can be submitted for approval; this one is ${status.replace('_', ' ')}.`,
      { status },
    );
  }
}

/** A revision (a new version with its own id) starts from an approved version or one the prospect objected to. */
export function assertOfferRevisable(status: OfferStatus): void {
  if (status !== OfferStatus.Approved && status !== OfferStatus.ChangesRequested) {
    throw funnelError(
      FunnelErrorCode.OfferNotRevisable,
      `A new version is made from an approved offer or one with changes requested; this one is ${status.replace('_', ' ')}: edit it instead.`,
      { status },
    );
  }
}

export interface PricedItem {
  readonly quantity: number;
  readonly unitPriceMinor: number;
}

/** Total in minor units after the discount, rounded half up to a whole minor unit. */
export function offerTotalMinor(items: readonly PricedItem[], discountPercent: number): number {
  const gross = items.reduce((sum, item) => sum + item.quantity * item.unitPriceMinor, 0);
  return Math.round((gross * (100 - discountPercent)) / 100);
}
