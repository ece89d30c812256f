import { assertNever } from '../domain-error';
import { Role } from '../roles';
import { assertBriefComplete } from './brief-gate';
import { assertDecisionMaker } from './decision-maker-gate';
import { assertDefenceValid, DefenceOutcome } from './defence-gate';
import { hasRole, isHeadOfUnit } from './funnel-actor';
import { funnelError, FunnelErrorCode } from './funnel-error';
import {
  FunnelDecision,
  FunnelEvent,
  FunnelEventKind,
  FunnelEvidence,
  FunnelEvidenceKind,
  ProspectState,
} from './funnel-event';
import {
  DEFAULT_LOST_REASONS,
  LOST_REASON_OFFER_REJECTED,
  LostReason,
  LostReasonDefinition,
  validateLostReason,
} from './lost-reasons';
import { assertOfferAddressesBrief, assertOfferApprover } from './offer-gate';
import { ProspectStatus, Stage, stageLabel } from './stage';

export interface FunnelMachineOptions {
  /** The configured lost reasons; defaults to `DEFAULT_LOST_REASONS`. */
  readonly lostReasons?: readonly LostReasonDefinition[];
}

const EVENT_LABELS: Record<FunnelEventKind, string> = {
  [FunnelEventKind.SampleApproved]: 'An approved sample',
  [FunnelEventKind.ContactAttemptLogged]: 'A contact attempt',
  [FunnelEventKind.MeetingScheduled]: 'A meeting with a decision-maker',
  [FunnelEventKind.BriefCompleted]: 'A completed brief',
  [FunnelEventKind.OfferApproved]: 'An offer approval',
  [FunnelEventKind.OfferRevised]: 'An offer revision',
  [FunnelEventKind.DefenceRecorded]: 'An offer defence',
  [FunnelEventKind.ContractSigned]: 'A contract signature',
  [FunnelEventKind.Lost]: 'Marking as lost',
  [FunnelEventKind.Reopened]: 'Reopening',
};

/** A prospect as it enters the funnel: in the sample, waiting for the owner's approval. */
export function newProspectState(unitId: string): ProspectState {
  return { stage: Stage.Sampling, status: ProspectStatus.Active, unitId, approvedOfferId: null, lostReason: null };
}

/**
 * The stage machine: a prospect moves only when the result of its stage exists. Returns the next state and the
 * transition-log data, or throws a `DomainError` with a `FunnelErrorCode` saying why the event is refused.
 */
export function applyFunnelEvent(
  state: ProspectState,
  event: FunnelEvent,
  options: FunnelMachineOptions = {},
): FunnelDecision {
  assertStatusAllows(state, event.kind);
  switch (event.kind) {
    case FunnelEventKind.SampleApproved:
      requireStage(state, event.kind, [Stage.Sampling]);
      return move(state, Stage.PrimaryContact, evidence(FunnelEvidenceKind.Sample, event.sampleId));
    case FunnelEventKind.ContactAttemptLogged:
      // Attempts are logged as activity but never finish a stage: the stage stays as it is.
      requireStage(state, event.kind, ACTIVE_WORK_STAGES);
      return { state, transition: null };
    case FunnelEventKind.MeetingScheduled:
      requireStage(state, event.kind, [Stage.PrimaryContact]);
      assertDecisionMaker(event.contact);
      return move(state, Stage.NeedsIdentification, evidence(FunnelEvidenceKind.Meeting, event.meetingId));
    case FunnelEventKind.BriefCompleted:
      requireStage(state, event.kind, [Stage.NeedsIdentification]);
      if (!event.meetingHeld) {
        throw funnelError(FunnelErrorCode.MeetingNotHeld, 'A brief is filled in after the meeting was held.');
      }
      assertBriefComplete(event.brief);
      return move(state, Stage.OfferFormation, evidence(FunnelEvidenceKind.Brief, event.briefId));
    case FunnelEventKind.OfferApproved:
      requireStage(state, event.kind, [Stage.OfferFormation]);
      assertOfferApprover(event.offer, event.approver, state.unitId, event.decidedBy ?? event.approver.userId);
      assertOfferAddressesBrief(event.offer, event.briefNeedIds);
      return move(state, Stage.OfferDefence, evidence(FunnelEvidenceKind.Offer, event.offer.id), {
        approvedOfferId: event.offer.id,
      });
    case FunnelEventKind.OfferRevised:
      return reviseOffer(state, event.offerId);
    case FunnelEventKind.DefenceRecorded:
      return recordDefence(state, event);
    case FunnelEventKind.ContractSigned:
      requireStage(state, event.kind, [Stage.Contract]);
      return move(state, Stage.Contract, evidence(FunnelEvidenceKind.Contract, event.contractId), {
        status: ProspectStatus.Won,
      });
    case FunnelEventKind.Lost:
      return lose(state, validateLostReason(event.reason, options.lostReasons ?? DEFAULT_LOST_REASONS), null);
    case FunnelEventKind.Reopened:
      if (!hasRole(event.actor, Role.Owner) && !isHeadOfUnit(event.actor, state.unitId)) {
        throw funnelError(
          FunnelErrorCode.ReopenNotAllowed,
          "Only a sales head of the prospect's unit or the owner may reopen a lost prospect.",
        );
      }
      // The prospect returns to the stage where it was lost, with the same evidence rules as before.
      return move(state, state.stage, null, { status: ProspectStatus.Active, lostReason: null });
    default:
      return assertNever(event, 'funnel event');
  }
}

// Every stage after the sample is approved: before that there is nobody to contact yet.
const ACTIVE_WORK_STAGES: readonly Stage[] = [
  Stage.PrimaryContact,
  Stage.NeedsIdentification,
  Stage.OfferFormation,
  Stage.OfferDefence,
  Stage.Contract,
];

function reviseOffer(state: ProspectState, offerId: string): FunnelDecision {
  requireStage(state, FunnelEventKind.OfferRevised, [Stage.OfferFormation, Stage.OfferDefence]);
  if (state.stage === Stage.OfferFormation) {
    // A new draft while forming the offer: nothing was approved yet, nothing moves.
    return { state: { ...state, approvedOfferId: null }, transition: null };
  }
  // A revised offer needs a new approval: the approval is void and the prospect goes back to offer formation.
  return move(state, Stage.OfferFormation, evidence(FunnelEvidenceKind.Offer, offerId), { approvedOfferId: null });
}

function recordDefence(
  state: ProspectState,
  event: Extract<FunnelEvent, { kind: FunnelEventKind.DefenceRecorded }>,
): FunnelDecision {
  requireStage(state, event.kind, [Stage.OfferDefence]);
  if (state.approvedOfferId === null || state.approvedOfferId !== event.offerId) {
    throw funnelError(
      FunnelErrorCode.OfferNotApproved,
      'Only the approved version of the offer can be defended; a revised offer needs a new approval first.',
      { approvedOfferId: state.approvedOfferId, offerId: event.offerId },
    );
  }
  assertDefenceValid(event.defence);
  const proof = evidence(FunnelEvidenceKind.Defence, event.defenceId);
  switch (event.defence.outcome) {
    case DefenceOutcome.Accepted:
      // The approved offer stays the baseline of the contract case.
      return move(state, Stage.Contract, proof);
    case DefenceOutcome.ChangesRequested:
      // Objections send the deal back for a new offer version, which needs a new approval.
      return move(state, Stage.OfferFormation, proof, { approvedOfferId: null });
    case DefenceOutcome.Rejected:
      return lose({ ...state, approvedOfferId: null }, { code: LOST_REASON_OFFER_REJECTED, note: null }, proof);
    default:
      return assertNever(event.defence.outcome, 'defence outcome');
  }
}

function assertStatusAllows(state: ProspectState, kind: FunnelEventKind): void {
  switch (state.status) {
    case ProspectStatus.Active:
      if (kind === FunnelEventKind.Reopened) {
        throw funnelError(FunnelErrorCode.ProspectNotLost, 'Only a lost prospect can be reopened.');
      }
      return;
    case ProspectStatus.Won:
      throw funnelError(FunnelErrorCode.ProspectWon, 'The prospect is won: its contract is signed and handed over.');
    case ProspectStatus.Lost:
      if (kind !== FunnelEventKind.Reopened) {
        throw funnelError(
          FunnelErrorCode.ProspectLost,
          'The prospect is lost; a sales head must reopen it before anything else happens.',
        );
      }
      return;
    default:
      return assertNever(state.status, 'prospect status');
  }
}

function requireStage(state: ProspectState, kind: FunnelEventKind, allowed: readonly Stage[]): void {
  if (!allowed.includes(state.stage)) {
    throw funnelError(
      FunnelErrorCode.WrongStage,
      `${EVENT_LABELS[kind]} is not possible at the ${stageLabel(state.stage)} stage; it belongs to: ${allowed
        .map(stageLabel)
        .join(', ')}.`,
      { stage: state.stage, event: kind, allowedStages: allowed },
    );
  }
}

function evidence(kind: FunnelEvidenceKind, id: string): FunnelEvidence {
  return { kind, id };
}

function move(
  state: ProspectState,
  toStage: Stage,
  proof: FunnelEvidence | null,
  changes: Partial<Omit<ProspectState, 'stage'>> = {},
): FunnelDecision {
  const next: ProspectState = { ...state, ...changes, stage: toStage };
  return {
    state: next,
    transition: {
      fromStage: state.stage,
      toStage,
      fromStatus: state.status,
      toStatus: next.status,
      evidence: proof,
      lostReason: next.lostReason,
    },
  };
}

function lose(state: ProspectState, reason: LostReason, proof: FunnelEvidence | null): FunnelDecision {
  // Lost keeps its stage so analytics can tell where deals are lost.
  return move(state, state.stage, proof, { status: ProspectStatus.Lost, lostReason: reason });
}
