import { Role } from '../roles';
import { ApprovalPolicy, roleApprover, unitHeadApprover } from './policy';
import { ApprovalSubjectKind } from './subject-kind';

/** When an offer is big enough to need the owner after the sales head. Both are configurable. */
export interface OfferApprovalThresholds {
  /** Offer total, in the company's accounting currency, above which the owner also approves. */
  readonly amountAbove: number;
  /** Discount percentage above which the owner also approves. */
  readonly discountPercentAbove: number;
}

export const DEFAULT_OFFER_THRESHOLDS: OfferApprovalThresholds = { amountAbove: 1_000_000, discountPercentAbove: 15 };

const HOUR = 60;

/**
 * The policies a fresh installation starts with (DOMAIN.md stages 1, 4 and 6):
 * - target sample: the owner;
 * - offer: the sales head of the prospect's unit (the owner when the unit has no head), then the owner when the
 *   amount or the discount is past a threshold;
 * - contract-terms deviation: the sales head of the unit (the owner when the unit has no head).
 * A head step escalates to the owner; an owner step has no one above it and only reminds.
 */
export function defaultApprovalPolicies(
  thresholds: OfferApprovalThresholds = DEFAULT_OFFER_THRESHOLDS,
): readonly ApprovalPolicy[] {
  const owner = roleApprover(Role.Owner);
  const unitHead = unitHeadApprover(owner);
  return [
    {
      subjectKind: ApprovalSubjectKind.TargetSample,
      steps: [{ approver: owner, dueAfterMinutes: 48 * HOUR, escalationGraceMinutes: 24 * HOUR, escalateTo: null }],
    },
    {
      subjectKind: ApprovalSubjectKind.Offer,
      steps: [
        { approver: unitHead, dueAfterMinutes: 24 * HOUR, escalationGraceMinutes: 24 * HOUR, escalateTo: owner },
        {
          approver: owner,
          condition: { amountAbove: thresholds.amountAbove, discountPercentAbove: thresholds.discountPercentAbove },
          dueAfterMinutes: 24 * HOUR,
          escalationGraceMinutes: 24 * HOUR,
          escalateTo: null,
        },
      ],
    },
    {
      subjectKind: ApprovalSubjectKind.ContractDeviation,
      steps: [{ approver: unitHead, dueAfterMinutes: 24 * HOUR, escalationGraceMinutes: 24 * HOUR, escalateTo: owner }],
    },
  ];
}
