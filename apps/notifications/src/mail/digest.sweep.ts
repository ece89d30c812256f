import { Injectable } from '@nestjs/common';
import { digestDue, digestSubject } from '@dealgate/domain';
import { Sweep } from '@dealgate/messaging';
import { NotificationsEnv } from '../notifications.env';
import { MailRepository } from './mail.repository';

/** Bundles e-mails held for people on an hourly or daily digest into one digest e-mail per period. */
@Injectable()
export class DigestSweep implements Sweep {
  readonly name = 'mail-digest';
  readonly everyMs: number;

  constructor(
    private readonly mails: MailRepository,
    config: NotificationsEnv,
  ) {
    this.everyMs = config.DIGEST_SWEEP_MS;
  }

  async run(now: Date): Promise<void> {
    for (const held of await this.mails.heldSummaries()) {
      if (!digestDue({ mode: held.digest, lastDigestAt: held.lastDigestAt, oldestHeldAt: held.oldestHeldAt, now }))
        continue;
      const label = held.digest === 'off' ? 'collected' : held.digest;
      await this.mails.bundle(held.userId, (count) => digestSubject(count, label), now);
    }
  }
}
