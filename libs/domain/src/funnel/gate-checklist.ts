import { assertNever } from '../domain-error';
import { findBriefGaps, BriefInput, REQUIRED_BRIEF_SECTIONS } from './brief-gate';
import { assertDecisionMaker, DecisionMakerCandidate } from './decision-maker-gate';
import { isFunnelError } from './funnel-error';
import { MeetingStatus } from './meeting';
import { assertOfferAddressesBrief, OfferItemInput } from './offer-gate';
import { OfferStatus, OPEN_OFFER_STATUSES } from './offer-status';
import { assertSampleRationale } from './sample-gate';
import { ProspectStatus, Stage } from './stage';

/** Machine codes of checklist items; a UI translates them. Values are sent on the wire: never rename. */
export enum GateItemCode {
  SampleRationale = 'sample_rationale',
  SampleApproved = 'sample_approved',
  DecisionMakerContact = 'decision_maker_contact',
  DecisionMakerMeetingScheduled = 'decision_maker_meeting_scheduled',
  MeetingHeld = 'meeting_held',
  /** One per required brief section; `params.section` is a `BriefSection` value. */
  BriefSection = 'brief_section',
  BriefNeed = 'brief_need',
  BriefCompleted = 'brief_completed',
  OfferDrafted = 'offer_drafted',
  OfferAddressesBrief = 'offer_addresses_brief',
  OfferSubmitted = 'offer_submitted',
  OfferApproved = 'offer_approved',
  DefenceAccepted = 'defence_accepted',
  ContractSigned = 'contract_signed',
}

export interface GateItem {
  readonly code: GateItemCode;
  readonly met: boolean;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface GateChecklist {
  readonly stage: Stage;
  readonly items: GateItem[];
}

/** The evidence the stage gates read, loaded for one prospect. */
export interface GateEvidence {
  readonly stage: Stage;
  readonly status: ProspectStatus;
  readonly sample: { readonly rationale: string | null; readonly approved: boolean } | null;
  readonly contacts: readonly (DecisionMakerCandidate & { readonly id: string })[];
  readonly meetings: readonly { readonly contactId: string; readonly status: MeetingStatus }[];
  readonly brief: (BriefInput & { readonly completed: boolean }) | null;
  /** The newest offer version, if any. */
  readonly offer: { readonly status: OfferStatus; readonly items: readonly OfferItemInput[] } | null;
  /** A defence of the approved offer ended with "we are satisfied". */
  readonly defenceAccepted: boolean;
}

/** The results the prospect's current stage requires, each met or not, decided by the same rules as the gates. */
export function gateChecklist(evidence: GateEvidence): GateChecklist {
  return { stage: evidence.stage, items: itemsFor(evidence) };
}

export interface GateSummary {
  readonly met: number;
  readonly total: number;
  /** The first item not met yet, or null when every one is. */
  readonly missing: GateItem | null;
}

export function summarizeGate(checklist: GateChecklist): GateSummary {
  return {
    met: checklist.items.filter((item) => item.met).length,
    total: checklist.items.length,
    missing: checklist.items.find((item) => !item.met) ?? null,
  };
}

function itemsFor(e: GateEvidence): GateItem[] {
  switch (e.stage) {
    case Stage.Sampling: {
      const sample = e.sample;
      return [
        item(GateItemCode.SampleRationale, sample !== null && passes(() => assertSampleRationale(sample))),
        item(GateItemCode.SampleApproved, sample?.approved ?? false),
      ];
    }
    case Stage.PrimaryContact: {
      const deciders = new Set(e.contacts.filter((c) => passes(() => assertDecisionMaker(c))).map((c) => c.id));
      return [
        item(GateItemCode.DecisionMakerContact, deciders.size > 0),
        item(
          GateItemCode.DecisionMakerMeetingScheduled,
          e.meetings.some((m) => m.status !== MeetingStatus.Cancelled && deciders.has(m.contactId)),
        ),
      ];
    }
    case Stage.NeedsIdentification: {
      const gaps = findBriefGaps(e.brief ?? { sections: {}, needs: [] });
      return [
        // The same condition as the brief-completion gate: some meeting of the prospect was held.
        item(
          GateItemCode.MeetingHeld,
          e.meetings.some((m) => m.status === MeetingStatus.Held),
        ),
        ...REQUIRED_BRIEF_SECTIONS.map((section) =>
          item(GateItemCode.BriefSection, !gaps.missingSections.includes(section), { section }),
        ),
        item(GateItemCode.BriefNeed, !gaps.needsMissing),
        item(GateItemCode.BriefCompleted, e.brief?.completed ?? false),
      ];
    }
    case Stage.OfferFormation: {
      const offer = e.offer !== null && OPEN_OFFER_STATUSES.includes(e.offer.status) ? e.offer : null;
      const needIds = e.brief?.needs.map((need) => need.id) ?? [];
      return [
        item(GateItemCode.OfferDrafted, offer !== null),
        item(
          GateItemCode.OfferAddressesBrief,
          offer !== null && passes(() => assertOfferAddressesBrief(offer, needIds)),
        ),
        item(
          GateItemCode.OfferSubmitted,
          offer?.status === OfferStatus.PendingApproval || offer?.status === OfferStatus.Approved,
        ),
        item(GateItemCode.OfferApproved, offer?.status === OfferStatus.Approved),
      ];
    }
    case Stage.OfferDefence:
      return [item(GateItemCode.DefenceAccepted, e.defenceAccepted)];
    case Stage.Contract:
      // The result of the last stage is the signature reported by contracts: the prospect is won.
      return [item(GateItemCode.ContractSigned, e.status === ProspectStatus.Won)];
    default:
      return assertNever(e.stage, 'stage');
  }
}

function item(code: GateItemCode, met: boolean, params?: Record<string, string | number>): GateItem {
  return params ? { code, met, params } : { code, met };
}

// Asks a gate rule without duplicating it: a funnel refusal means "not met"; any other error is a bug.
function passes(rule: () => void): boolean {
  try {
    rule();
    return true;
  } catch (error) {
    if (isFunnelError(error)) return false;
    throw error;
  }
}
