import { BriefInput } from './brief-gate';
import { DecisionMakerCandidate } from './decision-maker-gate';
import { DefenceInput } from './defence-gate';
import { FunnelActor } from './funnel-actor';
import { LostReason, LostReasonInput } from './lost-reasons';
import { OfferForApproval } from './offer-gate';
import { ProspectStatus, Stage } from './stage';

/** Kinds of funnel events. Values are stored and sent on the wire: never rename. */
export enum FunnelEventKind {
  SampleApproved = 'sample_approved',
  ContactAttemptLogged = 'contact_attempt_logged',
  MeetingScheduled = 'meeting_scheduled',
  BriefCompleted = 'brief_completed',
  OfferApproved = 'offer_approved',
  OfferRevised = 'offer_revised',
  DefenceRecorded = 'defence_recorded',
  ContractSigned = 'contract_signed',
  Lost = 'lost',
  Reopened = 'reopened',
}

export const ALL_FUNNEL_EVENT_KINDS: readonly FunnelEventKind[] = Object.values(FunnelEventKind);

/**
 * Something that claims a stage result (or changes the status). Each carries the evidence the gates need, as plain
 * data loaded by the service.
 */
export type FunnelEvent =
  | { readonly kind: FunnelEventKind.SampleApproved; readonly sampleId: string }
  | { readonly kind: FunnelEventKind.ContactAttemptLogged; readonly attemptId: string }
  | {
      readonly kind: FunnelEventKind.MeetingScheduled;
      readonly meetingId: string;
      readonly contact: DecisionMakerCandidate;
    }
  | {
      readonly kind: FunnelEventKind.BriefCompleted;
      readonly briefId: string;
      /** The brief is filled in after the meeting was held, never before. */
      readonly meetingHeld: boolean;
      readonly brief: BriefInput;
    }
  | {
      readonly kind: FunnelEventKind.OfferApproved;
      readonly offer: OfferForApproval;
      readonly briefNeedIds: readonly string[];
      /** The authority: the approver, or whom the deciding delegate stands in for. */
      readonly approver: FunnelActor;
      /** Who decided, when a delegate decided for `approver` (they must not have written the offer either). */
      readonly decidedBy?: string | null;
    }
  | { readonly kind: FunnelEventKind.OfferRevised; readonly offerId: string }
  | {
      readonly kind: FunnelEventKind.DefenceRecorded;
      readonly defenceId: string;
      /** The offer version that was defended. */
      readonly offerId: string;
      readonly defence: DefenceInput;
    }
  | { readonly kind: FunnelEventKind.ContractSigned; readonly contractId: string }
  | { readonly kind: FunnelEventKind.Lost; readonly reason: LostReasonInput }
  | { readonly kind: FunnelEventKind.Reopened; readonly actor: FunnelActor };

/** The part of a prospect the stage machine reads and writes. */
export interface ProspectState {
  readonly stage: Stage;
  readonly status: ProspectStatus;
  readonly unitId: string;
  /** The offer version approved for defence; null when none or when a revision voided it. */
  readonly approvedOfferId: string | null;
  readonly lostReason: LostReason | null;
}

/** Kinds of evidence that finish a stage. Values are stored and sent on the wire: never rename. */
export enum FunnelEvidenceKind {
  Sample = 'sample',
  Meeting = 'meeting',
  Brief = 'brief',
  Offer = 'offer',
  Defence = 'defence',
  Contract = 'contract',
}

export interface FunnelEvidence {
  readonly kind: FunnelEvidenceKind;
  readonly id: string;
}

/** Data for one row of the append-only stage-transition log (the service adds prospect, actor and time). */
export interface FunnelTransition {
  readonly fromStage: Stage;
  readonly toStage: Stage;
  readonly fromStatus: ProspectStatus;
  readonly toStatus: ProspectStatus;
  readonly evidence: FunnelEvidence | null;
  readonly lostReason: LostReason | null;
}

export interface FunnelDecision {
  readonly state: ProspectState;
  /** Null when the event is accepted but moves nothing (a contact attempt, a revision during offer formation). */
  readonly transition: FunnelTransition | null;
}
