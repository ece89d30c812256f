import { Role } from '../roles';
import { Written, wroteIt } from './authorship';
import { FunnelActor, hasRole, isHeadOfUnit } from './funnel-actor';
import { funnelError, FunnelErrorCode } from './funnel-error';

export interface OfferItemInput {
  readonly id: string;
  /** Ids of the brief's needs this item addresses. */
  readonly needIds: readonly string[];
}

/** An offer version as far as its approval needs it. Each revision is a new version with its own id. */
export interface OfferForApproval extends Written {
  readonly id: string;
  readonly items: readonly OfferItemInput[];
}

export interface OfferItemProblem {
  readonly itemId: string;
  /** Need ids the item names that are not in the brief. */
  readonly unknownNeedIds: string[];
}

/** Items that address no need of the brief: none named, or only needs the brief does not contain. */
export function findItemsWithoutNeeds(
  items: readonly OfferItemInput[],
  briefNeedIds: readonly string[],
): OfferItemProblem[] {
  const known = new Set(briefNeedIds);
  return items
    .filter((item) => !item.needIds.some((needId) => known.has(needId)))
    .map((item) => ({ itemId: item.id, unknownNeedIds: item.needIds.filter((needId) => !known.has(needId)) }));
}

/**
 * A draft may still lack needs (submit requires them), but every need it names must be one of the brief's: a
 * reference to anything else is refused when the draft is written, naming the item (`items[0].needIds`).
 */
export function assertOfferNeedsInBrief(
  items: readonly Pick<OfferItemInput, 'needIds'>[],
  briefNeedIds: readonly string[],
): void {
  const known = new Set(briefNeedIds);
  const fields = items.flatMap((item, index) => {
    const unknown = item.needIds.filter((needId) => !known.has(needId));
    return unknown.length === 0
      ? []
      : [{ field: `items[${index}].needIds`, problems: unknown.map((needId) => `need ${needId} is not in the brief`) }];
  });
  if (fields.length > 0) {
    throw funnelError(
      FunnelErrorCode.OfferNeedUnknown,
      `An offer item may only address needs from the brief; ${fields.map((f) => f.field).join(', ')} name(s) others.`,
      { fields },
    );
  }
}

/** The offer is built from the brief: it has items and each one answers at least one of the brief's needs. */
export function assertOfferAddressesBrief(
  offer: Pick<OfferForApproval, 'items'>,
  briefNeedIds: readonly string[],
): void {
  if (offer.items.length === 0) {
    throw funnelError(FunnelErrorCode.OfferEmpty, 'The offer has no items.');
  }
  const problems = findItemsWithoutNeeds(offer.items, briefNeedIds);
  if (problems.length > 0) {
    throw funnelError(
      FunnelErrorCode.OfferItemWithoutNeed,
      `Every offer item must address at least one need from the brief; ${problems.length} item(s) do not.`,
      { items: problems },
    );
  }
}

/**
 * The approver is a sales head of the prospect's unit or the owner (the head of the company), and never one who
 * wrote the offer: an offer approved by its own author has had no second pair of eyes. `approver` is the authority
 * (whom a delegate stands in for); `decidedBy`, the person who decided, must not have written it either.
 */
export function assertOfferApprover(
  offer: Written,
  approver: FunnelActor,
  prospectUnitId: string,
  decidedBy: string | null = approver.userId,
): void {
  if (wroteIt(offer, decidedBy, approver.userId)) {
    throw funnelError(FunnelErrorCode.OfferApproverIsAuthor, 'An offer cannot be approved by anyone who wrote it.');
  }
  if (!hasRole(approver, Role.Owner) && !isHeadOfUnit(approver, prospectUnitId)) {
    throw funnelError(
      FunnelErrorCode.OfferApproverNotAllowed,
      "Only a sales head of the prospect's unit or the owner may approve an offer.",
    );
  }
}
