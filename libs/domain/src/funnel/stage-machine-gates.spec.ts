import { DomainError } from '../domain-error';
import { Role } from '../roles';
import { BriefSection, REQUIRED_BRIEF_SECTIONS } from './brief-gate';
import { DefenceChannel, DefenceInput, DefenceOutcome } from './defence-gate';
import { FunnelActor } from './funnel-actor';
import { FunnelErrorCode } from './funnel-error';
import { FunnelEvent, FunnelEventKind, FunnelEvidenceKind, ProspectState } from './funnel-event';
import { LOST_REASON_OFFER_REJECTED } from './lost-reasons';
import { OfferForApproval } from './offer-gate';
import { applyFunnelEvent, newProspectState } from './stage-machine';
import { ProspectStatus, Stage } from './stage';

const UNIT = 'unit-1';
const head: FunnelActor = { userId: 'head-1', roles: [Role.SalesHead], unitIds: [UNIT] };
const owner: FunnelActor = { userId: 'owner-1', roles: [Role.Owner], unitIds: [] };
const salesperson: FunnelActor = { userId: 'sp-1', roles: [Role.Salesperson], unitIds: [UNIT] };

const at = (stage: Stage, overrides: Partial<ProspectState> = {}): ProspectState => ({
  ...newProspectState(UNIT),
  stage,
  approvedOfferId: stage === Stage.OfferDefence ? 'offer-1' : null,
  ...overrides,
});
const lostAt = (stage: Stage): ProspectState =>
  at(stage, { status: ProspectStatus.Lost, lostReason: { code: 'no_response', note: null } });

const sections = Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((section) => [section, 'text']));
const brief = (overrides: Partial<Record<BriefSection, string>> = {}, needs = [{ id: 'n-1', text: 'faster' }]) => ({
  kind: FunnelEventKind.BriefCompleted as const,
  briefId: 'brief-1',
  meetingHeld: true,
  brief: { sections: { ...sections, ...overrides }, needs },
});
const meeting = (contact: { isDecisionMaker: boolean; name?: string; position?: string; decisionReason?: string }) => ({
  kind: FunnelEventKind.MeetingScheduled as const,
  meetingId: 'm-1',
  contact,
});
const dm = { isDecisionMaker: true, name: 'Ann', position: 'CFO', decisionReason: 'Owns the budget' };
const offer: OfferForApproval = {
  id: 'offer-1',
  authorId: salesperson.userId,
  items: [{ id: 'i-1', needIds: ['n-1'] }],
};
const approve = (approver: FunnelActor, overrides: Partial<OfferForApproval> = {}, briefNeedIds = ['n-1']) => ({
  kind: FunnelEventKind.OfferApproved as const,
  offer: { ...offer, ...overrides },
  briefNeedIds,
  approver,
});
const defence = (overrides: Partial<DefenceInput> = {}, offerId = 'offer-1') => ({
  kind: FunnelEventKind.DefenceRecorded as const,
  defenceId: 'd-1',
  offerId,
  defence: {
    channel: DefenceChannel.Video,
    attendees: [{ contactId: 'c-1', isDecisionMaker: true }],
    outcome: DefenceOutcome.Accepted,
    ...overrides,
  },
});
const lost = (code: string, note?: string) => ({ kind: FunnelEventKind.Lost as const, reason: { code, note } });
const reopen = (actor: FunnelActor) => ({ kind: FunnelEventKind.Reopened as const, actor });

const refusals: [string, ProspectState, FunnelEvent, FunnelErrorCode][] = [
  [
    'meeting with a contact not marked decision-maker',
    at(Stage.PrimaryContact),
    meeting({ ...dm, isDecisionMaker: false }),
    FunnelErrorCode.NotDecisionMaker,
  ],
  [
    'meeting with a decision-maker without position',
    at(Stage.PrimaryContact),
    meeting({ ...dm, position: ' ' }),
    FunnelErrorCode.DecisionMakerIncomplete,
  ],
  [
    'meeting with a decision-maker without why they decide',
    at(Stage.PrimaryContact),
    meeting({ isDecisionMaker: true, name: 'Ann', position: 'CFO' }),
    FunnelErrorCode.DecisionMakerIncomplete,
  ],
  [
    'brief before the meeting was held',
    at(Stage.NeedsIdentification),
    { ...brief(), meetingHeld: false },
    FunnelErrorCode.MeetingNotHeld,
  ],
  [
    'brief without market trends',
    at(Stage.NeedsIdentification),
    brief({ [BriefSection.MarketTrends]: '' }),
    FunnelErrorCode.BriefIncomplete,
  ],
  ['brief without needs', at(Stage.NeedsIdentification), brief({}, []), FunnelErrorCode.BriefIncomplete],
  [
    'offer approved by its author',
    at(Stage.OfferFormation),
    approve({ ...head, userId: salesperson.userId }),
    FunnelErrorCode.OfferApproverIsAuthor,
  ],
  [
    'offer approved by a salesperson',
    at(Stage.OfferFormation),
    approve({ ...salesperson, userId: 'sp-2' }),
    FunnelErrorCode.OfferApproverNotAllowed,
  ],
  [
    'offer approved by a head of another unit',
    at(Stage.OfferFormation),
    approve({ userId: 'h-9', roles: [Role.SalesHead], unitIds: ['unit-9'] }),
    FunnelErrorCode.OfferApproverNotAllowed,
  ],
  [
    'offer approved by an admin',
    at(Stage.OfferFormation),
    approve({ userId: 'a-1', roles: [Role.Admin], unitIds: [UNIT] }),
    FunnelErrorCode.OfferApproverNotAllowed,
  ],
  ['offer without items', at(Stage.OfferFormation), approve(head, { items: [] }), FunnelErrorCode.OfferEmpty],
  [
    'offer item addressing no need',
    at(Stage.OfferFormation),
    approve(head, { items: [{ id: 'i-1', needIds: [] }] }),
    FunnelErrorCode.OfferItemWithoutNeed,
  ],
  [
    'offer item naming a need not in the brief',
    at(Stage.OfferFormation),
    approve(head, { items: [{ id: 'i-1', needIds: ['n-x'] }] }),
    FunnelErrorCode.OfferItemWithoutNeed,
  ],
  [
    'defence without an approved offer',
    at(Stage.OfferDefence, { approvedOfferId: null }),
    defence(),
    FunnelErrorCode.OfferNotApproved,
  ],
  [
    'defence of another offer version',
    at(Stage.OfferDefence),
    defence({}, 'offer-2'),
    FunnelErrorCode.OfferNotApproved,
  ],
  [
    'defence by e-mail',
    at(Stage.OfferDefence),
    defence({ channel: DefenceChannel.Email }),
    FunnelErrorCode.DefenceChannelRefused,
  ],
  [
    'defence by phone',
    at(Stage.OfferDefence),
    defence({ channel: DefenceChannel.Phone }),
    FunnelErrorCode.DefenceChannelRefused,
  ],
  [
    'defence by letter',
    at(Stage.OfferDefence),
    defence({ channel: DefenceChannel.Letter }),
    FunnelErrorCode.DefenceChannelRefused,
  ],
  [
    'rejection by e-mail is not a defence either',
    at(Stage.OfferDefence),
    defence({ channel: DefenceChannel.Email, outcome: DefenceOutcome.Rejected }),
    FunnelErrorCode.DefenceChannelRefused,
  ],
  [
    'defence without a decision-maker',
    at(Stage.OfferDefence),
    defence({ attendees: [{ contactId: 'c-2', isDecisionMaker: false }] }),
    FunnelErrorCode.DefenceWithoutDecisionMaker,
  ],
  [
    'defence with nobody attending',
    at(Stage.OfferDefence),
    defence({ attendees: [] }),
    FunnelErrorCode.DefenceWithoutDecisionMaker,
  ],
  ['lost with an unknown reason', at(Stage.OfferFormation), lost('bad_weather'), FunnelErrorCode.LostReasonUnknown],
  [
    'lost as "other" without text',
    at(Stage.OfferFormation),
    lost('other', '  '),
    FunnelErrorCode.LostReasonNoteRequired,
  ],
  ['reopened by a salesperson', lostAt(Stage.OfferFormation), reopen(salesperson), FunnelErrorCode.ReopenNotAllowed],
  [
    'reopened by a head of another unit',
    lostAt(Stage.OfferFormation),
    reopen({ ...head, unitIds: ['unit-2'] }),
    FunnelErrorCode.ReopenNotAllowed,
  ],
];

describe('applyFunnelEvent: gates refuse at the right stage', () => {
  it.each(refusals)('%s -> refused', (_name, state, event, code) => {
    let caught: unknown;
    try {
      applyFunnelEvent(state, event);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code });
    expect((caught as Error).message.length).toBeGreaterThan(10);
  });

  it('e-mail refusal says why', () => {
    expect(() => applyFunnelEvent(at(Stage.OfferDefence), defence({ channel: DefenceChannel.Email }))).toThrow(
      /never defended by e-mail/,
    );
  });

  it('a configured list without the reason refuses it', () => {
    const event = lost('no_budget');
    const options = { lostReasons: [{ code: 'too_small', label: 'Too small', noteRequired: false }] };
    expect(() => applyFunnelEvent(at(Stage.PrimaryContact), event, options)).toThrow(
      expect.objectContaining({ code: FunnelErrorCode.LostReasonUnknown }),
    );
  });
});

describe('applyFunnelEvent: allowed transitions and their records', () => {
  it('an approved offer is remembered for the defence, with the offer as evidence', () => {
    const { state, transition } = applyFunnelEvent(at(Stage.OfferFormation), approve(owner));
    expect(state).toMatchObject({ stage: Stage.OfferDefence, approvedOfferId: 'offer-1' });
    expect(transition?.evidence).toEqual({ kind: FunnelEvidenceKind.Offer, id: 'offer-1' });
  });

  it('a revision during the defence voids the approval and goes back to offer formation', () => {
    const event: FunnelEvent = { kind: FunnelEventKind.OfferRevised, offerId: 'offer-2' };
    const { state, transition } = applyFunnelEvent(at(Stage.OfferDefence), event);
    expect(state).toMatchObject({ stage: Stage.OfferFormation, approvedOfferId: null });
    expect(transition).toMatchObject({ fromStage: Stage.OfferDefence, evidence: { kind: 'offer', id: 'offer-2' } });
  });

  it('changes requested send the deal back for a new, newly approved version', () => {
    const { state, transition } = applyFunnelEvent(
      at(Stage.OfferDefence),
      defence({ outcome: DefenceOutcome.ChangesRequested }),
    );
    expect(state).toMatchObject({ stage: Stage.OfferFormation, approvedOfferId: null });
    expect(transition?.evidence).toEqual({ kind: FunnelEvidenceKind.Defence, id: 'd-1' });
  });

  it('a rejected defence loses the prospect at the defence stage', () => {
    const { state, transition } = applyFunnelEvent(
      at(Stage.OfferDefence),
      defence({ outcome: DefenceOutcome.Rejected }),
    );
    expect(state).toMatchObject({ stage: Stage.OfferDefence, status: ProspectStatus.Lost, approvedOfferId: null });
    expect(transition).toMatchObject({
      toStatus: ProspectStatus.Lost,
      lostReason: { code: LOST_REASON_OFFER_REJECTED, note: null },
      evidence: { kind: FunnelEvidenceKind.Defence, id: 'd-1' },
    });
  });

  it('lost as "other" keeps the trimmed explanation', () => {
    const { transition } = applyFunnelEvent(at(Stage.PrimaryContact), lost('other', '  merged with a rival '));
    expect(transition?.lostReason).toEqual({ code: 'other', note: 'merged with a rival' });
  });
});
