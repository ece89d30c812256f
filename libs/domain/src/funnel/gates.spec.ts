import { Role } from '../roles';
import { wroteIt } from './authorship';
import { assertBriefComplete, BriefSection, findBriefGaps, REQUIRED_BRIEF_SECTIONS } from './brief-gate';
import { assertDecisionMaker, missingDecisionMakerFields } from './decision-maker-gate';
import { assertDefenceAttendees, assertDefenceChannel, DefenceChannel, isDefenceChannelAllowed } from './defence-gate';
import { FunnelErrorCode, isFunnelError } from './funnel-error';
import {
  assertOfferAddressesBrief,
  assertOfferApprover,
  assertOfferNeedsInBrief,
  findItemsWithoutNeeds,
} from './offer-gate';
import { assertSampleApprover, assertSampleRationale } from './sample-gate';

const filled = Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((section) => [section, 'text']));

describe('decision-maker gate', () => {
  it.each([
    [{ isDecisionMaker: true, name: 'Ann', position: 'CFO', decisionReason: 'budget' }, []],
    [{ isDecisionMaker: true, name: 'Ann', position: '', decisionReason: null }, ['position', 'decisionReason']],
    [{ isDecisionMaker: true }, ['name', 'position', 'decisionReason']],
  ])('%j misses %j', (contact, missing) => {
    expect(missingDecisionMakerFields(contact)).toEqual(missing);
  });

  it('names the missing fields in the message', () => {
    expect(() => assertDecisionMaker({ isDecisionMaker: true, name: 'Ann' })).toThrow(/position, why they decide/);
  });
});

describe('brief gate', () => {
  it.each([
    ['complete', { sections: filled, needs: [{ id: 'n', text: 'x' }] }, [], false],
    [
      'blank section',
      { sections: { ...filled, [BriefSection.WhatSatisfies]: '  ' }, needs: [{ id: 'n', text: 'x' }] },
      [BriefSection.WhatSatisfies],
      false,
    ],
    ['no sections, blank need', { sections: {}, needs: [{ id: 'n', text: ' ' }] }, REQUIRED_BRIEF_SECTIONS, true],
    ['no needs', { sections: filled, needs: [] }, [], true],
  ])('%s', (_name, brief, missingSections, needsMissing) => {
    const gaps = findBriefGaps(brief);
    expect(gaps).toEqual({ missingSections, needsMissing, complete: missingSections.length === 0 && !needsMissing });
  });

  it('lists what is missing in the error', () => {
    const brief = { sections: { ...filled, [BriefSection.MarketTrends]: null }, needs: [] };
    expect(() => assertBriefComplete(brief)).toThrow(
      'The brief is not complete. Missing: market trends, at least one need.',
    );
  });
});

describe('offer gate', () => {
  it('reports items addressing no need of the brief', () => {
    const items = [
      { id: 'ok', needIds: ['n-1', 'n-x'] },
      { id: 'none', needIds: [] },
      { id: 'unknown', needIds: ['n-x'] },
    ];
    expect(findItemsWithoutNeeds(items, ['n-1'])).toEqual([
      { itemId: 'none', unknownNeedIds: [] },
      { itemId: 'unknown', unknownNeedIds: ['n-x'] },
    ]);
  });

  it.each([
    [[], FunnelErrorCode.OfferEmpty],
    [[{ id: 'i', needIds: ['n-2'] }], FunnelErrorCode.OfferItemWithoutNeed],
  ])('items %j are refused with %s', (items, code) => {
    expect(() => assertOfferAddressesBrief({ items }, ['n-1'])).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a draft naming a need the brief does not have, field by field; an item naming none is fine', () => {
    const items = [{ needIds: ['n-1'] }, { needIds: [] }, { needIds: ['n-1', 'n-x'] }];
    expect(() => assertOfferNeedsInBrief(items, ['n-1'])).toThrow(
      expect.objectContaining({
        code: FunnelErrorCode.OfferNeedUnknown,
        details: { fields: [{ field: 'items[2].needIds', problems: ['need n-x is not in the brief'] }] },
      }),
    );
    expect(() => assertOfferNeedsInBrief(items.slice(0, 2), ['n-1'])).not.toThrow();
  });

  it.each([
    ['head of the unit', { userId: 'h', roles: [Role.SalesHead], unitIds: ['u'] }, null],
    ['owner', { userId: 'o', roles: [Role.Owner], unitIds: [] }, null],
    [
      'author, even as owner',
      { userId: 'author', roles: [Role.Owner], unitIds: [] },
      FunnelErrorCode.OfferApproverIsAuthor,
    ],
    [
      'head of another unit',
      { userId: 'h', roles: [Role.SalesHead], unitIds: ['v'] },
      FunnelErrorCode.OfferApproverNotAllowed,
    ],
    [
      'salesperson',
      { userId: 's', roles: [Role.Salesperson], unitIds: ['u'] },
      FunnelErrorCode.OfferApproverNotAllowed,
    ],
  ])('approver: %s', (_name, approver, code) => {
    const run = () => assertOfferApprover({ authorId: 'author' }, approver, 'u');
    if (code === null) {
      expect(run).not.toThrow();
    } else {
      expect(run).toThrow(expect.objectContaining({ code }));
    }
  });
});

describe('nobody who wrote a subject approves it', () => {
  const offer = { authorId: 'author', contributorIds: ['author', 'editor'] };
  const head = { userId: 'h', roles: [Role.SalesHead], unitIds: ['u'] };
  const owner = { userId: 'o', roles: [Role.Owner], unitIds: [] };

  it.each([
    ['the author', { ...head, userId: 'author' }, undefined, FunnelErrorCode.OfferApproverIsAuthor],
    ['an editor', { ...head, userId: 'editor' }, undefined, FunnelErrorCode.OfferApproverIsAuthor],
    ['a delegate who edited it, for a head who did not', head, 'editor', FunnelErrorCode.OfferApproverIsAuthor],
    ['a delegate for a head who edited it', { ...head, userId: 'editor' }, 'd', FunnelErrorCode.OfferApproverIsAuthor],
    ['a delegate who did not, for a head who did not', head, 'd', null],
  ])('offer: %s', (_name, approver, decidedBy, code) => {
    const run = () => assertOfferApprover(offer, approver, 'u', decidedBy);
    if (code === null) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code }));
  });

  it.each([
    ['an editor who is the owner', { ...owner, userId: 'editor' }, undefined, FunnelErrorCode.SampleApproverIsAuthor],
    ['a delegate who edited it, for the owner', owner, 'editor', FunnelErrorCode.SampleApproverIsAuthor],
    ['a delegate for the owner', owner, 'd', null],
  ])('sample: %s', (_name, approver, decidedBy, code) => {
    const run = () => assertSampleApprover(offer, approver, decidedBy);
    if (code === null) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code }));
  });

  it('names who wrote it from the author and the contributors, ignoring an absent decider', () => {
    expect(wroteIt({ authorId: 'a' }, 'a')).toBe(true);
    expect(wroteIt({ authorId: 'a', contributorIds: ['b'] }, null, 'b')).toBe(true);
    expect(wroteIt({ authorId: 'a', contributorIds: ['b'] }, null, undefined, 'c')).toBe(false);
  });
});

describe('defence gate', () => {
  it.each([
    [DefenceChannel.InPerson, true],
    [DefenceChannel.Video, true],
    [DefenceChannel.Phone, false],
    [DefenceChannel.Email, false],
    [DefenceChannel.Letter, false],
  ])('%s allowed: %s', (channel, allowed) => {
    expect(isDefenceChannelAllowed(channel)).toBe(allowed);
    if (allowed) {
      expect(() => assertDefenceChannel(channel)).not.toThrow();
    } else {
      expect(() => assertDefenceChannel(channel)).toThrow(
        expect.objectContaining({ code: FunnelErrorCode.DefenceChannelRefused, details: expect.anything() }),
      );
    }
  });

  it('needs a decision-maker among the attendees', () => {
    expect(() => assertDefenceAttendees([{ contactId: 'a', isDecisionMaker: true }])).not.toThrow();
    expect(() => assertDefenceAttendees([{ contactId: 'a', isDecisionMaker: false }])).toThrow(
      expect.objectContaining({ code: FunnelErrorCode.DefenceWithoutDecisionMaker }),
    );
  });
});

describe('sample gate', () => {
  it.each([
    [null, FunnelErrorCode.SampleRationaleRequired],
    ['   ', FunnelErrorCode.SampleRationaleRequired],
    ['Regional dairies over 200 staff', null],
  ])('rationale %p', (rationale, code) => {
    const run = () => assertSampleRationale({ rationale });
    if (code === null) {
      expect(run).not.toThrow();
    } else {
      expect(run).toThrow(expect.objectContaining({ code }));
    }
  });

  it.each([
    [{ userId: 'o', roles: [Role.Owner], unitIds: [] }, null],
    [{ userId: 'author', roles: [Role.Owner], unitIds: [] }, FunnelErrorCode.SampleApproverIsAuthor],
    [{ userId: 'h', roles: [Role.SalesHead], unitIds: ['u'] }, FunnelErrorCode.SampleApproverNotOwner],
  ])('approver %j', (approver, code) => {
    let caught: unknown = null;
    try {
      assertSampleApprover({ authorId: 'author' }, approver);
    } catch (error) {
      caught = error;
    }
    expect(code === null ? caught : isFunnelError(caught) && caught.code).toBe(code);
  });
});
