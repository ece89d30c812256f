import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationEventInput, audienceFor, describeEvent, isChannelEnabled } from '@dealgate/domain';
import { JobEnvelope } from '@dealgate/messages';
import { InboxRepository } from '../inbox/inbox.repository';
import { MailRepository } from '../mail/mail.repository';
import { PreferencesRepository } from '../preferences/preferences.repository';
import { WebhookDeliveryRepository } from '../webhooks/webhook-delivery.repository';
import { WebhookRepository } from '../webhooks/webhook.repository';
import { RecipientResolver } from './recipient-resolver';

/**
 * Turns one domain event into inbox items, e-mail rows and webhook deliveries, all in the handler's transaction
 * (the same one as the inbox row of the dispatcher), so a redelivered event has no second effect. Each table is
 * also unique per event and recipient/endpoint.
 */
@Injectable()
export class NotificationIntake {
  constructor(
    private readonly recipients: RecipientResolver,
    private readonly preferences: PreferencesRepository,
    private readonly inbox: InboxRepository,
    private readonly mail: MailRepository,
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  async accept(event: NotificationEventInput, manager: EntityManager, envelope: JobEnvelope): Promise<void> {
    const message = describeEvent(event);
    const people = await this.recipients.resolve(audienceFor(event), manager);
    const settings = await this.preferences.forUsers(people, manager);
    const wants = (userId: string, channel: 'in_app' | 'email') =>
      isChannelEnabled(settings.get(userId)?.prefs ?? [], event.type, channel);
    const content = {
      messageId: envelope.messageId,
      eventType: event.type,
      title: message.title,
      body: message.body,
      linkPath: message.linkPath,
    };

    await this.mail.enqueue(
      manager,
      people
        .filter((u) => wants(u, 'email'))
        .map((userId) => ({ ...content, userId, held: (settings.get(userId)?.digest ?? 'off') !== 'off' })),
    );
    const hooks = await this.webhooks.subscribedTo(manager, event.type);
    // The payload carries ids and business facts only (the wire contract's rule), so it may leave the system.
    const body = JSON.stringify({
      event: event.type,
      messageId: envelope.messageId,
      occurredAt: envelope.occurredAt,
      data: event.payload,
    });
    await this.deliveries.enqueue(manager, hooks, { messageId: envelope.messageId, eventType: event.type, body });
    // Last: the inbox insert takes the ordering lock, held until commit.
    await this.inbox.insert(
      manager,
      people
        .filter((u) => wants(u, 'in_app'))
        .map((userId) => ({
          ...content,
          userId,
          subjectKind: message.subject.kind,
          subjectId: message.subject.id,
          // The same facts the webhook sends (ids and business facts only): the console words the item from them.
          data: event.payload,
        })),
    );
  }
}
