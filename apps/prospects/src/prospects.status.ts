import { HttpStatus } from '@nestjs/common';
import { AnalyticsErrorCode, FunnelErrorCode } from '@dealgate/domain';
import { StatusForCode, statusMap } from '@dealgate/common';

const CONFLICT = HttpStatus.CONFLICT;
const UNPROCESSABLE = HttpStatus.UNPROCESSABLE_ENTITY;
const FORBIDDEN = HttpStatus.FORBIDDEN;

// 409: the object is not in a state that allows it (stage, status, version); 422: the result is missing or
// invalid; 403: the caller may see but not do it. A prospect the caller may not see at all answers 404.
const FUNNEL_STATUS: Record<FunnelErrorCode, number> = {
  [FunnelErrorCode.ProspectWon]: CONFLICT,
  [FunnelErrorCode.ProspectLost]: CONFLICT,
  [FunnelErrorCode.ProspectNotLost]: CONFLICT,
  [FunnelErrorCode.WrongStage]: CONFLICT,
  [FunnelErrorCode.NotDecisionMaker]: UNPROCESSABLE,
  [FunnelErrorCode.DecisionMakerIncomplete]: UNPROCESSABLE,
  [FunnelErrorCode.MeetingNotHeld]: UNPROCESSABLE,
  [FunnelErrorCode.BriefIncomplete]: UNPROCESSABLE,
  [FunnelErrorCode.OfferEmpty]: UNPROCESSABLE,
  [FunnelErrorCode.OfferItemWithoutNeed]: UNPROCESSABLE,
  [FunnelErrorCode.OfferApproverIsAuthor]: FORBIDDEN,
  [FunnelErrorCode.OfferApproverNotAllowed]: FORBIDDEN,
  [FunnelErrorCode.OfferNotApproved]: CONFLICT,
  [FunnelErrorCode.DefenceChannelRefused]: UNPROCESSABLE,
  [FunnelErrorCode.DefenceWithoutDecisionMaker]: UNPROCESSABLE,
  [FunnelErrorCode.LostReasonUnknown]: UNPROCESSABLE,
  [FunnelErrorCode.LostReasonNoteRequired]: UNPROCESSABLE,
  [FunnelErrorCode.ReopenNotAllowed]: FORBIDDEN,
  [FunnelErrorCode.AccessDenied]: HttpStatus.NOT_FOUND,
  [FunnelErrorCode.ReadOnlyAccess]: FORBIDDEN,
  [FunnelErrorCode.SampleRationaleRequired]: UNPROCESSABLE,
  [FunnelErrorCode.SampleApproverNotOwner]: FORBIDDEN,
  [FunnelErrorCode.SampleApproverIsAuthor]: FORBIDDEN,
  [FunnelErrorCode.ProductLineInvalid]: UNPROCESSABLE,
  [FunnelErrorCode.CsvMalformed]: UNPROCESSABLE,
  [FunnelErrorCode.CsvHeaderInvalid]: UNPROCESSABLE,
  [FunnelErrorCode.SampleNotDraft]: CONFLICT,
  [FunnelErrorCode.SampleEmpty]: UNPROCESSABLE,
  [FunnelErrorCode.ProductLineInactive]: UNPROCESSABLE,
  [FunnelErrorCode.UnitRequired]: UNPROCESSABLE,
  [FunnelErrorCode.AssigneeNotSalesperson]: UNPROCESSABLE,
  [FunnelErrorCode.MeetingNotOpen]: CONFLICT,
  [FunnelErrorCode.OfferNotEditable]: CONFLICT,
  [FunnelErrorCode.OfferAlreadyOpen]: CONFLICT,
  [FunnelErrorCode.OfferNotRevisable]: CONFLICT,
  [FunnelErrorCode.OfferTermsInvalid]: UNPROCESSABLE,
  [FunnelErrorCode.BriefNotReady]: UNPROCESSABLE,
  [FunnelErrorCode.ContactNotOfProspect]: UNPROCESSABLE,
  [FunnelErrorCode.NoCompanyAccepted]: UNPROCESSABLE,
  [FunnelErrorCode.OfferNeedUnknown]: UNPROCESSABLE,
  [FunnelErrorCode.AgendaRangeInvalid]: UNPROCESSABLE,
};

// Every analytics code is a broken input rule (a period that ends before it starts, a plan for a non-salesperson):
// 422 with the sentence, never a 500 and never a blanket 400.
const ANALYTICS_STATUS: Record<AnalyticsErrorCode, number> = {
  [AnalyticsErrorCode.InvalidInput]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AnalyticsErrorCode.InvalidPeriod]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AnalyticsErrorCode.PlanAssigneeInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** The prospects service's code -> HTTP status map (common codes such as not_found fall through to the filter). */
export const prospectsStatusForCode: StatusForCode = statusMap(FUNNEL_STATUS, ANALYTICS_STATUS);
