import { DomainError } from '../domain-error';
import { Role } from '../roles';
import { BriefInput, REQUIRED_BRIEF_SECTIONS } from './brief-gate';
import { DefenceChannel, DefenceOutcome } from './defence-gate';
import { FunnelActor } from './funnel-actor';
import { FunnelErrorCode } from './funnel-error';
import {
  ALL_FUNNEL_EVENT_KINDS,
  FunnelEvent,
  FunnelEventKind,
  FunnelEvidenceKind,
  ProspectState,
} from './funnel-event';
import { applyFunnelEvent, newProspectState } from './stage-machine';
import { ProspectStatus, Stage, STAGE_ORDER } from './stage';

const UNIT = 'unit-1';
const head: FunnelActor = { userId: 'head-1', roles: [Role.SalesHead], unitIds: [UNIT] };
const owner: FunnelActor = { userId: 'owner-1', roles: [Role.Owner], unitIds: [] };
const salesperson: FunnelActor = { userId: 'sp-1', roles: [Role.Salesperson], unitIds: [UNIT] };

function stateAt(stage: Stage, overrides: Partial<ProspectState> = {}): ProspectState {
  return {
    ...newProspectState(UNIT),
    stage,
    approvedOfferId: stage === Stage.OfferDefence ? 'offer-1' : null,
    ...overrides,
  };
}

const completeBrief: BriefInput = {
  sections: Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((section) => [section, `about ${section}`])),
  needs: [{ id: 'need-1', text: 'Cut delivery time' }],
};

/** A valid event of each kind: the gates pass, so only stage and status decide. */
function validEvent(kind: FunnelEventKind): FunnelEvent {
  switch (kind) {
    case FunnelEventKind.SampleApproved:
      return { kind, sampleId: 'sample-1' };
    case FunnelEventKind.ContactAttemptLogged:
      return { kind, attemptId: 'attempt-1' };
    case FunnelEventKind.MeetingScheduled:
      return {
        kind,
        meetingId: 'meeting-1',
        contact: { isDecisionMaker: true, name: 'Ann Lee', position: 'COO', decisionReason: 'Signs supply contracts' },
      };
    case FunnelEventKind.BriefCompleted:
      return { kind, briefId: 'brief-1', meetingHeld: true, brief: completeBrief };
    case FunnelEventKind.OfferApproved:
      return {
        kind,
        offer: { id: 'offer-1', authorId: salesperson.userId, items: [{ id: 'item-1', needIds: ['need-1'] }] },
        briefNeedIds: ['need-1'],
        approver: head,
      };
    case FunnelEventKind.OfferRevised:
      return { kind, offerId: 'offer-2' };
    case FunnelEventKind.DefenceRecorded:
      return {
        kind,
        defenceId: 'defence-1',
        offerId: 'offer-1',
        defence: {
          channel: DefenceChannel.InPerson,
          attendees: [{ contactId: 'c-1', isDecisionMaker: true }],
          outcome: DefenceOutcome.Accepted,
        },
      };
    case FunnelEventKind.ContractSigned:
      return { kind, contractId: 'contract-1' };
    case FunnelEventKind.Lost:
      return { kind, reason: { code: 'no_budget' } };
    case FunnelEventKind.Reopened:
      return { kind, actor: head };
  }
}

function refusalCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) {
      return (error as DomainError).code;
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

const W = FunnelErrorCode.WrongStage;
type Outcome = Stage | 'stay' | 'won' | 'lost' | FunnelErrorCode;

// Rows: event kinds. Columns: the stages in order (sampling, primary contact, needs identification, offer formation,
// offer defence, contract). A stage means "moves there"; an error code means refused with that code.
const ACTIVE_MATRIX: Record<FunnelEventKind, readonly Outcome[]> = {
  [FunnelEventKind.SampleApproved]: [Stage.PrimaryContact, W, W, W, W, W],
  [FunnelEventKind.ContactAttemptLogged]: [W, 'stay', 'stay', 'stay', 'stay', 'stay'],
  [FunnelEventKind.MeetingScheduled]: [W, Stage.NeedsIdentification, W, W, W, W],
  [FunnelEventKind.BriefCompleted]: [W, W, Stage.OfferFormation, W, W, W],
  [FunnelEventKind.OfferApproved]: [W, W, W, Stage.OfferDefence, W, W],
  [FunnelEventKind.OfferRevised]: [W, W, W, 'stay', Stage.OfferFormation, W],
  [FunnelEventKind.DefenceRecorded]: [W, W, W, W, Stage.Contract, W],
  [FunnelEventKind.ContractSigned]: [W, W, W, W, W, 'won'],
  [FunnelEventKind.Lost]: ['lost', 'lost', 'lost', 'lost', 'lost', 'lost'],
  [FunnelEventKind.Reopened]: STAGE_ORDER.map(() => FunnelErrorCode.ProspectNotLost),
};

describe('applyFunnelEvent: active prospects, every event at every stage', () => {
  it('the matrix covers every event kind', () => {
    expect(Object.keys(ACTIVE_MATRIX).sort()).toEqual([...ALL_FUNNEL_EVENT_KINDS].sort());
  });

  const rows = ALL_FUNNEL_EVENT_KINDS.flatMap((kind) =>
    STAGE_ORDER.map((stage, column) => ({ kind, stage, outcome: ACTIVE_MATRIX[kind][column] })),
  );

  it.each(rows)('$kind at $stage -> $outcome', ({ kind, stage, outcome }) => {
    const state = stateAt(stage);
    const run = () => applyFunnelEvent(state, validEvent(kind));
    if (outcome.startsWith('funnel.')) {
      expect(refusalCode(run)).toBe(outcome);
      return;
    }
    const { state: next, transition } = run();
    if (outcome === 'stay') {
      expect(next.stage).toBe(stage);
      expect(next.status).toBe(ProspectStatus.Active);
      expect(transition).toBeNull();
    } else if (outcome === 'won' || outcome === 'lost') {
      const status = outcome === 'won' ? ProspectStatus.Won : ProspectStatus.Lost;
      expect(next).toMatchObject({ stage, status });
      expect(transition).toMatchObject({ fromStage: stage, toStage: stage, toStatus: status });
    } else {
      expect(next).toMatchObject({ stage: outcome, status: ProspectStatus.Active });
      expect(transition).toMatchObject({ fromStage: stage, toStage: outcome, fromStatus: ProspectStatus.Active });
      expect(transition?.evidence).not.toBeNull();
    }
  });
});

describe('applyFunnelEvent: closed prospects', () => {
  const wonRows = ALL_FUNNEL_EVENT_KINDS.map((kind) => ({ kind }));
  it.each(wonRows)('won refuses $kind with prospect_won', ({ kind }) => {
    const state = stateAt(Stage.Contract, { status: ProspectStatus.Won });
    expect(refusalCode(() => applyFunnelEvent(state, validEvent(kind)))).toBe(FunnelErrorCode.ProspectWon);
  });

  const lostRows = ALL_FUNNEL_EVENT_KINDS.filter((kind) => kind !== FunnelEventKind.Reopened).flatMap((kind) =>
    STAGE_ORDER.map((stage) => ({ kind, stage })),
  );
  it.each(lostRows)('lost at $stage refuses $kind with prospect_lost', ({ kind, stage }) => {
    const state = stateAt(stage, { status: ProspectStatus.Lost, lostReason: { code: 'no_budget', note: null } });
    expect(refusalCode(() => applyFunnelEvent(state, validEvent(kind)))).toBe(FunnelErrorCode.ProspectLost);
  });

  it.each(STAGE_ORDER.map((stage) => ({ stage })))(
    'a lost prospect at $stage reopens at the same stage',
    ({ stage }) => {
      const state = stateAt(stage, { status: ProspectStatus.Lost, lostReason: { code: 'no_budget', note: null } });
      const { state: next, transition } = applyFunnelEvent(state, { kind: FunnelEventKind.Reopened, actor: owner });
      expect(next).toMatchObject({ stage, status: ProspectStatus.Active, lostReason: null });
      expect(transition).toMatchObject({ fromStatus: ProspectStatus.Lost, toStatus: ProspectStatus.Active });
    },
  );
});

describe('applyFunnelEvent: the whole funnel', () => {
  it('walks from sample to won, each move backed by its evidence', () => {
    const kinds = [
      FunnelEventKind.SampleApproved,
      FunnelEventKind.ContactAttemptLogged,
      FunnelEventKind.MeetingScheduled,
      FunnelEventKind.BriefCompleted,
      FunnelEventKind.OfferApproved,
      FunnelEventKind.DefenceRecorded,
      FunnelEventKind.ContractSigned,
    ];
    let state = newProspectState(UNIT);
    const evidence: (FunnelEvidenceKind | undefined)[] = [];
    for (const kind of kinds) {
      const decision = applyFunnelEvent(state, validEvent(kind));
      state = decision.state;
      evidence.push(decision.transition?.evidence?.kind);
    }
    expect(state).toMatchObject({ stage: Stage.Contract, status: ProspectStatus.Won, approvedOfferId: 'offer-1' });
    expect(evidence).toEqual([
      FunnelEvidenceKind.Sample,
      undefined,
      FunnelEvidenceKind.Meeting,
      FunnelEvidenceKind.Brief,
      FunnelEvidenceKind.Offer,
      FunnelEvidenceKind.Defence,
      FunnelEvidenceKind.Contract,
    ]);
  });
});
