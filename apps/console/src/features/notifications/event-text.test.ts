import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupI18n } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { notificationsMessages } from './messages';
import { NotificationSource, notificationText } from './event-text';
import { eventKey } from './subject-link';

const SERVER = { title: 'Server title', body: 'Server body' };
const DUE = '2026-12-03T09:30:00.000Z';
const ID = '0b6a3f4e-2d7c-4c11-9a51-3f0e8c2b7d90';

// One server-shaped item per event type the notifications service sends (NotificationView.data is the payload).
const EVENTS: Record<string, Record<string, unknown>> = {
  'prospect.stage_changed': {
    prospectId: ID,
    ownerId: ID,
    unitId: ID,
    fromStage: 'primary_contact',
    toStage: 'needs_identification',
    status: 'active',
  },
  'offer.defended': { prospectId: ID, offerId: ID, salespersonId: ID, unitId: ID },
  'prospect.stalled': { prospectId: ID, ownerId: ID, unitId: ID, stage: 'offer_formation', limitDays: 14 },
  'norm.breached': {
    salespersonId: ID,
    unitId: ID,
    norm: 'briefs_per_meeting_held',
    period: '2026-11',
    value: 0.25,
    min: 0.5,
    max: null,
  },
  'early_warning.raised': { salespersonId: ID, unitId: ID, rule: 'prospects_without_brief' },
  'approval.step_opened': {
    requestId: ID,
    subjectKind: 'offer',
    approverRole: 'sales_head',
    approverUnitId: ID,
    approverUserId: null,
    dueAt: DUE,
  },
  'approval.sla_breached': {
    requestId: ID,
    subjectKind: 'target_sample',
    level: 'escalation',
    recipientRole: 'owner',
    recipientUnitId: null,
    recipientUserId: null,
  },
  'approval.decided': {
    requestId: ID,
    subjectKind: 'target_sample',
    outcome: 'rejected',
    requesterId: ID,
    comment: 'Too broad',
  },
  'contract.opened': { caseId: ID, salespersonId: ID, unitId: ID },
  'task.assigned': { taskId: ID, caseId: ID, group: 'legal', assigneeId: ID, title: 'Draft contract', dueAt: DUE },
  'task.overdue': {
    taskId: ID,
    caseId: ID,
    group: 'accounting',
    assigneeId: null,
    level: 'reminder',
    title: 'Check invoice',
    dueAt: DUE,
  },
  'contract.signed': { caseId: ID, salespersonId: ID, unitId: ID },
};

const item = (eventType: string, data: Record<string, unknown> = EVENTS[eventType]): NotificationSource => ({
  eventType,
  data,
  ...SERVER,
});

function render(language: 'en' | 'hu', source: NotificationSource) {
  void i18next.changeLanguage(language);
  const t = i18next.getFixedT(language, 'notifications');
  return notificationText(source, t, {
    number: (value) => formatNumber(value, language),
    dateTime: (iso) => formatDateTime(iso, language),
  });
}

beforeAll(() => {
  setupI18n('en');
});

describe('notification wording', () => {
  it('has a fixture for every event type the preferences list (so every event type is tested)', () => {
    const keys = Object.keys(notificationsMessages.en.events).map((key) => `events.${key}`);
    expect(Object.keys(EVENTS).map(eventKey).sort()).toEqual(keys.sort());
  });

  it.each(Object.keys(EVENTS))('words %s from its facts in both languages, never the server text', (eventType) => {
    const en = render('en', item(eventType));
    const hu = render('hu', item(eventType));
    for (const text of [en, hu]) {
      expect(text.title).not.toBe(SERVER.title);
      expect(text.body).not.toBe(SERVER.body);
      // Every placeholder was filled.
      expect(`${text.title} ${text.body}`).not.toMatch(/{{|}}|texts\./);
    }
    expect(hu.title).not.toBe(en.title);
    expect(hu.body).not.toBe(en.body);
  });

  it('puts the facts into the words, numbers and dates in the language’s format', () => {
    expect(render('en', item('prospect.stage_changed'))).toEqual({
      title: 'Prospect moved to Needs identification',
      body: 'A prospect moved to Needs identification (from Primary contact).',
    });
    expect(render('hu', item('prospect.stage_changed')).title).toBe('Új szakaszban: Igényfelmérés');
    expect(render('en', item('prospect.stalled')).body).toBe(
      'A prospect has been in Commercial offer longer than its limit of 14 days.',
    );
    expect(render('en', item('norm.breached')).body).toBe(
      'Briefs per meeting held in 2026-11: 0.25 against at least 0.5.',
    );
    expect(render('hu', item('norm.breached')).body).toBe(
      'Igényfelmérők találkozónként, 2026-11: 0,25, elvárt: legalább 0,5.',
    );
    expect(render('en', item('approval.step_opened')).body).toBe(
      `A commercial offer waits for your decision (due ${formatDateTime(DUE, 'en')}).`,
    );
    expect(render('hu', item('approval.step_opened')).body).toContain(formatDateTime(DUE, 'hu'));
    expect(formatDateTime(DUE, 'hu')).not.toBe(formatDateTime(DUE, 'en'));
    expect(render('en', item('approval.decided'))).toEqual({
      title: 'Rejected: target sample',
      body: 'Your target sample was rejected. Comment: Too broad',
    });
    expect(render('hu', item('approval.decided')).title).toBe('Elutasítva: célminta');
    expect(render('en', item('task.assigned')).title).toBe('Task assigned to you: Draft contract');
    expect(render('hu', item('task.overdue')).body).toBe(
      `„Check invoice” (pénzügyi) határideje: ${formatDateTime(DUE, 'hu')} volt.`,
    );
  });

  it('words the variants of an event: new, reopened, won, lost; queue and escalation', () => {
    const stage = EVENTS['prospect.stage_changed'];
    expect(render('en', item('prospect.stage_changed', { ...stage, fromStage: null })).body).toBe(
      'A prospect moved to Needs identification.',
    );
    expect(render('en', item('prospect.stage_changed', { ...stage, fromStage: 'needs_identification' })).title).toBe(
      'Prospect reopened',
    );
    expect(render('hu', item('prospect.stage_changed', { ...stage, status: 'won' })).title).toBe('Megnyert érdeklődő');
    expect(render('en', item('prospect.stage_changed', { ...stage, status: 'lost' })).body).toBe(
      'A prospect is lost at Needs identification.',
    );
    const task = EVENTS['task.assigned'];
    expect(render('en', item('task.assigned', { ...task, assigneeId: null, dueAt: null }))).toEqual({
      title: 'Task waiting in the legal queue: Draft contract',
      body: '“Draft contract” is waiting in the legal queue.',
    });
    expect(render('en', item('task.overdue', { ...EVENTS['task.overdue'], level: 'escalation' })).title).toBe(
      'Escalation: task overdue: Check invoice',
    );
    expect(
      render('en', item('approval.sla_breached', { ...EVENTS['approval.sla_breached'], level: 'reminder' })).title,
    ).toBe('Reminder: target sample approval overdue');
  });

  it('falls back to the server text for an unknown event type, missing facts, or a value it does not know', () => {
    expect(render('hu', item('something.new', { foo: 'bar' }))).toEqual(SERVER);
    expect(render('hu', item('task.assigned', {}))).toEqual(SERVER);
    expect(render('hu', item('prospect.stalled', { ...EVENTS['prospect.stalled'], stage: 'nowhere' }))).toEqual(SERVER);
    expect(render('hu', item('approval.decided', { ...EVENTS['approval.decided'], outcome: 'maybe' }))).toEqual(SERVER);
    expect(render('hu', item('approval.step_opened', { ...EVENTS['approval.step_opened'], dueAt: 'soon' }))).toEqual(
      SERVER,
    );
  });
});
