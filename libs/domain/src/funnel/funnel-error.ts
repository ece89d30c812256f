import { DomainError } from '../domain-error';

/**
 * Codes of every funnel rule that can refuse an action. Values are stored and sent on the wire: never rename.
 * Apps map each code to an HTTP status once (409 for state conflicts, 422 for a missing or invalid result, 403 for
 * access).
 */
export enum FunnelErrorCode {
  ProspectWon = 'funnel.prospect_won',
  ProspectLost = 'funnel.prospect_lost',
  ProspectNotLost = 'funnel.prospect_not_lost',
  WrongStage = 'funnel.wrong_stage',
  NotDecisionMaker = 'funnel.not_decision_maker',
  DecisionMakerIncomplete = 'funnel.decision_maker_incomplete',
  MeetingNotHeld = 'funnel.meeting_not_held',
  BriefIncomplete = 'funnel.brief_incomplete',
  OfferEmpty = 'funnel.offer_empty',
  OfferItemWithoutNeed = 'funnel.offer_item_without_need',
  OfferApproverIsAuthor = 'funnel.offer_approver_is_author',
  OfferApproverNotAllowed = 'funnel.offer_approver_not_allowed',
  OfferNotApproved = 'funnel.offer_not_approved',
  DefenceChannelRefused = 'funnel.defence_channel_refused',
  DefenceWithoutDecisionMaker = 'funnel.defence_without_decision_maker',
  LostReasonUnknown = 'funnel.lost_reason_unknown',
  LostReasonNoteRequired = 'funnel.lost_reason_note_required',
  ReopenNotAllowed = 'funnel.reopen_not_allowed',
  AccessDenied = 'funnel.access_denied',
  ReadOnlyAccess = 'funnel.read_only_access',
  SampleRationaleRequired = 'funnel.sample_rationale_required',
  SampleApproverNotOwner = 'funnel.sample_approver_not_owner',
  SampleApproverIsAuthor = 'funnel.sample_approver_is_author',
  ProductLineInvalid = 'funnel.product_line_invalid',
  CsvMalformed = 'funnel.csv_malformed',
  CsvHeaderInvalid = 'funnel.csv_header_invalid',
  SampleNotDraft = 'funnel.sample_not_draft',
  SampleEmpty = 'funnel.sample_empty',
  ProductLineInactive = 'funnel.product_line_inactive',
  UnitRequired = 'funnel.unit_required',
  AssigneeNotSalesperson = 'funnel.assignee_not_salesperson',
  MeetingNotOpen = 'funnel.meeting_not_open',
  OfferNotEditable = 'funnel.offer_not_editable',
  OfferAlreadyOpen = 'funnel.offer_already_open',
  OfferNotRevisable = 'funnel.offer_not_revisable',
  OfferTermsInvalid = 'funnel.offer_terms_invalid',
  BriefNotReady = 'funnel.brief_not_ready',
  ContactNotOfProspect = 'funnel.contact_not_of_prospect',
  NoCompanyAccepted = 'funnel.no_company_accepted',
  OfferNeedUnknown = 'funnel.offer_need_unknown',
  /** The agenda's day ends before it starts, or is longer than 48 hours. */
  AgendaRangeInvalid = 'agenda.range_invalid',
}

/** A broken funnel rule: a `DomainError` whose code is a `FunnelErrorCode`. */
export type FunnelError = DomainError<FunnelErrorCode>;

export function funnelError(code: FunnelErrorCode, message: string, details?: Record<string, unknown>): FunnelError {
  return new DomainError(code, message, details);
}

export function isFunnelError(error: unknown): error is FunnelError {
  return (
    error instanceof DomainError &&
    typeof error.code === 'string' &&
    (Object.values(FunnelErrorCode) as string[]).includes(error.code)
  );
}
