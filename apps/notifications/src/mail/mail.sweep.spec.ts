import { sealPersonalData } from '@dealgate/messages';
import { MailSweep } from './mail.sweep';
import type { ClaimedMail, MailRepository } from './mail.repository';
import type { MailTransport } from './mail-transport';
import type { NotificationsEnv } from '../notifications.env';
import type { NotificationMetrics } from '../notification-metrics';
import type { DirectoryService } from '@dealgate/chassis';

const KEY = 'test-pii-key-0123456789abcdef0123456789';
const MAIL: ClaimedMail = { id: 'm1', userId: 'u1', kind: 'event', title: 'T', body: 'B', linkPath: '/x', attempts: 1 };

/** A sweep over due e-mails (one by default), with a database that fails `markSent` the first `outage` times. */
function sweepWith(outage: number, sendFails = false, due: ClaimedMail[] = [MAIL]) {
  const calls: string[] = [];
  let failures = outage;
  const waiting = [...due];
  const mails = {
    resendAbandoned: () => Promise.resolve(0),
    claimDue: (_now: Date, limit: number) => {
      calls.push(`claim ${limit}`);
      return Promise.resolve(waiting.splice(0, limit));
    },
    markSent: () => {
      calls.push('markSent');
      return failures-- > 0 ? Promise.reject(new Error('Connection terminated')) : Promise.resolve();
    },
    retryAt: () => Promise.resolve(void calls.push('retryAt')),
    markFailed: () => Promise.resolve(void calls.push('markFailed')),
  } as unknown as MailRepository;
  const transport = {
    send: () => {
      calls.push('send');
      return sendFails ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve();
    },
  } as unknown as MailTransport;
  const directory = {
    user: () => Promise.resolve({ active: true, sealedContact: sealPersonalData({ email: 'a@example.test' }, KEY) }),
  } as unknown as DirectoryService;
  const config = { PII_KEY: KEY, MAIL_MAX_ATTEMPTS: 5, MAIL_BACKOFF_MS: 1000, PUBLIC_URL: 'http://x' };
  const metrics = { mails: { inc: () => undefined } } as unknown as NotificationMetrics;
  const sweep = new MailSweep(mails, directory, transport, config as NotificationsEnv, metrics);
  return { sweep, calls };
}

describe('mail sweep', () => {
  it('an e-mail the SMTP server accepted is marked sent once the database answers again, never put back to pending', async () => {
    const { sweep, calls } = sweepWith(2);
    await sweep.run(new Date());
    expect(calls).toEqual(['claim 1', 'send', 'markSent', 'markSent', 'markSent', 'claim 1']);
  });

  it('a refused send is retried later (nothing was accepted)', async () => {
    const { sweep, calls } = sweepWith(0, true);
    await sweep.run(new Date());
    expect(calls).toEqual(['claim 1', 'send', 'retryAt', 'claim 1']);
  });

  it('claims one e-mail at a time, so a sender killed mid-run strands only the one it was sending', async () => {
    const due = ['m1', 'm2', 'm3'].map((id) => ({ ...MAIL, id }));
    const { sweep, calls } = sweepWith(0, false, due);
    await sweep.run(new Date());
    expect(calls).toEqual([
      ...['claim 1', 'send', 'markSent'],
      ...['claim 1', 'send', 'markSent'],
      ...['claim 1', 'send', 'markSent'],
      'claim 1',
    ]);
  });
});
