import { BriefSection, REQUIRED_BRIEF_SECTIONS } from './brief-gate';
import { GateEvidence, gateChecklist, GateItemCode, summarizeGate } from './gate-checklist';
import { MeetingStatus } from './meeting';
import { OfferStatus } from './offer-status';
import { ProspectStatus, Stage } from './stage';

const DM = { id: 'c1', isDecisionMaker: true, name: 'Ann', position: 'CFO', decisionReason: 'Signs contracts' };
const FILLED = Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((s) => [s, 'text']));
const BRIEF = { sections: FILLED, needs: [{ id: 'n1', text: 'Faster ordering' }], completed: false };
const ITEMS = [{ id: 'i1', needIds: ['n1'] }];

function evidence(stage: Stage, overrides: Partial<GateEvidence> = {}): GateEvidence {
  return {
    stage,
    status: ProspectStatus.Active,
    sample: null,
    contacts: [],
    meetings: [],
    brief: null,
    offer: null,
    defenceAccepted: false,
    ...overrides,
  };
}

/** The checklist as `code[:section]=met` strings, easy to read in a table. */
function flat(e: GateEvidence): string[] {
  return gateChecklist(e).items.map(
    (i) => `${i.code}${i.params ? `:${String(i.params.section)}` : ''}=${i.met ? 'met' : 'open'}`,
  );
}

describe('gate checklist', () => {
  it.each<[string, GateEvidence, string[]]>([
    [
      'sampling, draft without rationale',
      evidence(Stage.Sampling, { sample: { rationale: ' ', approved: false } }),
      ['sample_rationale=open', 'sample_approved=open'],
    ],
    [
      'sampling, approved',
      evidence(Stage.Sampling, { sample: { rationale: 'Why', approved: true } }),
      ['sample_rationale=met', 'sample_approved=met'],
    ],
    [
      'primary contact, nobody yet',
      evidence(Stage.PrimaryContact),
      ['decision_maker_contact=open', 'decision_maker_meeting_scheduled=open'],
    ],
    [
      'primary contact, decision-maker without a reason does not count',
      evidence(Stage.PrimaryContact, {
        contacts: [{ ...DM, decisionReason: null }],
        meetings: [{ contactId: 'c1', status: MeetingStatus.Scheduled }],
      }),
      ['decision_maker_contact=open', 'decision_maker_meeting_scheduled=open'],
    ],
    [
      'primary contact, meeting with someone else',
      evidence(Stage.PrimaryContact, {
        contacts: [DM, { id: 'c2', isDecisionMaker: false, name: 'Bob' }],
        meetings: [{ contactId: 'c2', status: MeetingStatus.Scheduled }],
      }),
      ['decision_maker_contact=met', 'decision_maker_meeting_scheduled=open'],
    ],
    [
      'primary contact, cancelled meeting with the decision-maker',
      evidence(Stage.PrimaryContact, {
        contacts: [DM],
        meetings: [{ contactId: 'c1', status: MeetingStatus.Cancelled }],
      }),
      ['decision_maker_contact=met', 'decision_maker_meeting_scheduled=open'],
    ],
    [
      'primary contact, scheduled with the decision-maker',
      evidence(Stage.PrimaryContact, {
        contacts: [DM],
        meetings: [{ contactId: 'c1', status: MeetingStatus.Scheduled }],
      }),
      ['decision_maker_contact=met', 'decision_maker_meeting_scheduled=met'],
    ],
    ['offer defence, waiting', evidence(Stage.OfferDefence), ['defence_accepted=open']],
    ['offer defence, accepted', evidence(Stage.OfferDefence, { defenceAccepted: true }), ['defence_accepted=met']],
    ['contract, with legal', evidence(Stage.Contract), ['contract_signed=open']],
    ['contract, won', evidence(Stage.Contract, { status: ProspectStatus.Won }), ['contract_signed=met']],
  ])('%s', (_name, e, expected) => {
    expect(flat(e)).toEqual(expected);
  });

  it.each<[string, Partial<GateEvidence>, string[]]>([
    ['nothing yet', {}, ['meeting_held=open', ...sections([]), 'brief_need=open', 'brief_completed=open']],
    [
      'held meeting, blank market trends, blank need',
      {
        meetings: [{ contactId: 'c1', status: MeetingStatus.Held }],
        brief: {
          ...BRIEF,
          sections: { ...FILLED, [BriefSection.MarketTrends]: '  ' },
          needs: [{ id: 'n', text: ' ' }],
        },
      },
      [
        'meeting_held=met',
        ...sections(REQUIRED_BRIEF_SECTIONS.filter((s) => s !== BriefSection.MarketTrends)),
        'brief_need=open',
        'brief_completed=open',
      ],
    ],
    [
      'only a scheduled meeting, full brief',
      { meetings: [{ contactId: 'c1', status: MeetingStatus.Scheduled }], brief: BRIEF },
      ['meeting_held=open', ...sections(REQUIRED_BRIEF_SECTIONS), 'brief_need=met', 'brief_completed=open'],
    ],
  ])('needs identification: %s', (_name, overrides, expected) => {
    expect(flat(evidence(Stage.NeedsIdentification, overrides))).toEqual(expected);
  });

  it.each<[string, GateEvidence['offer'], string[]]>([
    [
      'no offer',
      null,
      ['offer_drafted=open', 'offer_addresses_brief=open', 'offer_submitted=open', 'offer_approved=open'],
    ],
    [
      'draft with an item answering no need',
      { status: OfferStatus.Draft, items: [{ id: 'i1', needIds: ['unknown'] }] },
      ['offer_drafted=met', 'offer_addresses_brief=open', 'offer_submitted=open', 'offer_approved=open'],
    ],
    [
      'empty draft',
      { status: OfferStatus.Draft, items: [] },
      ['offer_drafted=met', 'offer_addresses_brief=open', 'offer_submitted=open', 'offer_approved=open'],
    ],
    [
      'pending approval',
      { status: OfferStatus.PendingApproval, items: ITEMS },
      ['offer_drafted=met', 'offer_addresses_brief=met', 'offer_submitted=met', 'offer_approved=open'],
    ],
    [
      'rejected by the approver',
      { status: OfferStatus.Rejected, items: ITEMS },
      ['offer_drafted=met', 'offer_addresses_brief=met', 'offer_submitted=open', 'offer_approved=open'],
    ],
    [
      'changes requested at the defence: a new version is needed',
      { status: OfferStatus.ChangesRequested, items: ITEMS },
      ['offer_drafted=open', 'offer_addresses_brief=open', 'offer_submitted=open', 'offer_approved=open'],
    ],
    [
      'approved',
      { status: OfferStatus.Approved, items: ITEMS },
      ['offer_drafted=met', 'offer_addresses_brief=met', 'offer_submitted=met', 'offer_approved=met'],
    ],
  ])('offer formation: %s', (_name, offer, expected) => {
    expect(flat(evidence(Stage.OfferFormation, { brief: { ...BRIEF, completed: true }, offer }))).toEqual(expected);
  });

  it('gives each brief section its own item with the section as a parameter', () => {
    const items = gateChecklist(evidence(Stage.NeedsIdentification)).items;
    expect(items.filter((i) => i.code === GateItemCode.BriefSection).map((i) => i.params)).toEqual(
      REQUIRED_BRIEF_SECTIONS.map((section) => ({ section })),
    );
  });

  it.each<[string, GateEvidence, { met: number; total: number; missing: string | null }]>([
    [
      'first missing item',
      evidence(Stage.PrimaryContact, { contacts: [DM] }),
      {
        met: 1,
        total: 2,
        missing: GateItemCode.DecisionMakerMeetingScheduled,
      },
    ],
    ['all met', evidence(Stage.Contract, { status: ProspectStatus.Won }), { met: 1, total: 1, missing: null }],
  ])('summary: %s', (_name, e, expected) => {
    const summary = summarizeGate(gateChecklist(e));
    expect({ ...summary, missing: summary.missing?.code ?? null }).toEqual(expected);
  });
});

function sections(met: readonly BriefSection[]): string[] {
  return REQUIRED_BRIEF_SECTIONS.map((s) => `brief_section:${s}=${met.includes(s) ? 'met' : 'open'}`);
}
