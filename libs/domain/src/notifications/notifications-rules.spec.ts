import { afterFailedAttempt, backoffMs, shouldDisableWebhook } from './delivery-retry';
import { bundleDigest, digestSubject } from './digest';
import { describeEvent } from './event-message';
import { NOTIFIABLE_EVENTS, isNotifiableEvent } from './notifiable-event';
import { digestDue, isChannelEnabled, preferenceMatrix } from './preferences';
import { verifyWebhookSignature, webhookSignature, webhookSignatureHeader } from './webhook-signature';

const at = (iso: string) => new Date(iso);

describe('preferences', () => {
  it('everything is on until switched off, per event and channel', () => {
    const prefs = [{ eventType: 'task.assigned' as const, channel: 'email' as const, enabled: false }];
    expect(isChannelEnabled(prefs, 'task.assigned', 'email')).toBe(false);
    expect(isChannelEnabled(prefs, 'task.assigned', 'in_app')).toBe(true);
    expect(isChannelEnabled(prefs, 'task.overdue', 'email')).toBe(true);
    const matrix = preferenceMatrix(prefs);
    expect(matrix).toHaveLength(NOTIFIABLE_EVENTS.length);
    expect(matrix).toContainEqual({ eventType: 'task.assigned', inApp: true, email: false });
  });

  it.each<[string, Parameters<typeof digestDue>[0], boolean]>([
    [
      'nothing held',
      { mode: 'hourly', lastDigestAt: null, oldestHeldAt: null, now: at('2026-01-01T10:00:00Z') },
      false,
    ],
    [
      'first digest: an hour after the oldest held',
      { mode: 'hourly', lastDigestAt: null, oldestHeldAt: at('2026-01-01T09:00:00Z'), now: at('2026-01-01T10:00:00Z') },
      true,
    ],
    [
      'first digest: not yet',
      { mode: 'hourly', lastDigestAt: null, oldestHeldAt: at('2026-01-01T09:30:00Z'), now: at('2026-01-01T10:00:00Z') },
      false,
    ],
    [
      'an hour after the last digest',
      {
        mode: 'hourly',
        lastDigestAt: at('2026-01-01T09:00:00Z'),
        oldestHeldAt: at('2026-01-01T09:59:00Z'),
        now: at('2026-01-01T10:00:00Z'),
      },
      true,
    ],
    [
      'daily: within the day',
      {
        mode: 'daily',
        lastDigestAt: at('2026-01-01T00:00:00Z'),
        oldestHeldAt: at('2026-01-01T01:00:00Z'),
        now: at('2026-01-01T23:59:00Z'),
      },
      false,
    ],
    [
      'switched off: what waits goes at once',
      { mode: 'off', lastDigestAt: null, oldestHeldAt: at('2026-01-01T09:59:00Z'), now: at('2026-01-01T10:00:00Z') },
      true,
    ],
  ])('digestDue: %s', (_name, input, expected) => expect(digestDue(input)).toBe(expected));
});

describe('digest bundling', () => {
  it('groups by event type in the contract order, oldest first, and counts', () => {
    const digest = bundleDigest(
      [
        { eventType: 'task.assigned', title: 'T2', body: '', linkPath: '/t/2', createdAt: at('2026-01-01T10:00:00Z') },
        { eventType: 'prospect.stalled', title: 'P', body: '', linkPath: '/p', createdAt: at('2026-01-01T11:00:00Z') },
        { eventType: 'task.assigned', title: 'T1', body: '', linkPath: '/t/1', createdAt: at('2026-01-01T09:00:00Z') },
      ],
      'daily',
    );
    expect(digest.subject).toBe('Your daily Dealgate digest: 3 updates');
    expect(digest.sections.map((s) => [s.eventType, s.items.map((i) => i.title)])).toEqual([
      ['prospect.stalled', ['P']],
      ['task.assigned', ['T1', 'T2']],
    ]);
    expect(digestSubject(1, 'hourly')).toBe('Your hourly Dealgate digest: 1 update');
  });
});

describe('delivery retries', () => {
  it('backs off exponentially with a cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(40, 1000, 60_000)).toBe(60_000);
  });

  it('retries until the attempt budget is spent', () => {
    const now = at('2026-01-01T00:00:00Z');
    expect(afterFailedAttempt({ attempts: 2, maxAttempts: 3, now, baseMs: 1000 })).toEqual({
      kind: 'retry',
      at: at('2026-01-01T00:00:02Z'),
    });
    expect(afterFailedAttempt({ attempts: 3, maxAttempts: 3, now, baseMs: 1000 })).toEqual({ kind: 'give_up' });
  });

  it('disables a webhook at the threshold of consecutive failures', () => {
    expect(shouldDisableWebhook(4, 5)).toBe(false);
    expect(shouldDisableWebhook(5, 5)).toBe(true);
  });
});

describe('webhook signature', () => {
  const secret = 's3cret-s3cret-s3cret-s3cret';
  const body = '{"event":"contract.signed"}';

  it('is HMAC-SHA256 over "<t>.<body>" (a known vector)', () => {
    // echo -n '1700000000.{"event":"contract.signed"}' | openssl dgst -sha256 -hmac 's3cret-s3cret-s3cret-s3cret'
    expect(webhookSignature(secret, 1700000000, body)).toBe(
      '1f2a40a3c08b65211880dc4296077b52e2ff80e83249a08168e8c4ffc1720e72',
    );
    expect(webhookSignatureHeader(secret, 1700000000, body)).toBe(
      `t=1700000000,v1=${webhookSignature(secret, 1700000000, body)}`,
    );
  });

  it.each<[string, string | undefined, string, string, number, boolean]>([
    ['valid', webhookSignatureHeader(secret, 1000, body), body, secret, 1100, true],
    ['wrong secret', webhookSignatureHeader('other-secret-other-secret', 1000, body), body, secret, 1100, false],
    ['changed body', webhookSignatureHeader(secret, 1000, body), body + ' ', secret, 1100, false],
    ['too old', webhookSignatureHeader(secret, 1000, body), body, secret, 1000 + 301, false],
    ['missing', undefined, body, secret, 1000, false],
    ['garbage', 't=x,v1=zz', body, secret, 1000, false],
  ])('verify: %s', (_name, header, received, key, nowSec, expected) => {
    expect(verifyWebhookSignature({ header, body: received, secret: key, nowSec })).toBe(expected);
  });
});

describe('event messages', () => {
  it.each([
    [
      'a move',
      'primary_contact',
      'needs_identification',
      'active',
      'A prospect moved to needs identification (from primary contact).',
    ],
    ['a reopening', 'primary_contact', 'primary_contact', 'active', 'A prospect was reopened at primary contact.'],
    ['a loss', 'offer_defence', 'offer_defence', 'lost', 'A prospect is lost at offer defence.'],
    ['an entry', null, 'primary_contact', 'active', 'A prospect moved to primary contact.'],
  ])('says what %s did to the prospect', (_case, fromStage, toStage, status, body) => {
    const message = describeEvent({
      type: 'prospect.stage_changed',
      payload: { prospectId: 'p1', ownerId: null, unitId: 'u', fromStage, toStage, status },
    });
    expect(message.body).toBe(body);
  });

  it('links each event to its item and never needs a name', () => {
    const message = describeEvent({
      type: 'task.overdue',
      payload: {
        taskId: 't1',
        caseId: 'c',
        group: 'legal',
        assigneeId: null,
        level: 'escalation',
        title: 'Sign-off',
        dueAt: '2026-01-02',
      },
    });
    expect(message).toEqual({
      title: 'Escalation: task overdue: Sign-off',
      body: '"Sign-off" (legal) was due 2026-01-02.',
      linkPath: '/tasks/t1',
      subject: { kind: 'task', id: 't1' },
    });
    expect(
      describeEvent({
        type: 'approval.decided',
        payload: {
          requestId: 'r',
          subjectKind: 'target_sample',
          outcome: 'rejected',
          requesterId: 'q',
          comment: 'Too broad',
        },
      }).title,
    ).toBe('Target sample rejected');
  });

  it('recognises the notifiable events', () => {
    expect(isNotifiableEvent('contract.signed')).toBe(true);
    expect(isNotifiableEvent('system.ping')).toBe(false);
  });
});
