import { DynamicModule, Module } from '@nestjs/common';
import { InboxRepository } from './inbox/inbox.repository';
import { InboxService } from './inbox/inbox.service';
import { NotificationIntake } from './intake/notification-intake.service';
import { RecipientResolver } from './intake/recipient-resolver';
import { MailRepository } from './mail/mail.repository';
import { MailTransport } from './mail/mail-transport';
import { NotificationMetrics } from './notification-metrics';
import { NotificationsEnv } from './notifications.env';
import { PreferencesRepository } from './preferences/preferences.repository';
import { WebhookDeliveryRepository } from './webhooks/webhook-delivery.repository';
import { WebhookRepository } from './webhooks/webhook.repository';
import { WebhookSender } from './webhooks/webhook-sender';
import { WebhookDestinationGuard, WebhookResolver } from './webhooks/webhook-destination-guard';

const SHARED = [
  InboxRepository,
  InboxService,
  PreferencesRepository,
  MailRepository,
  MailTransport,
  WebhookRepository,
  WebhookDeliveryRepository,
  WebhookSender,
  WebhookResolver,
  WebhookDestinationGuard,
  RecipientResolver,
  NotificationIntake,
  NotificationMetrics,
];

/**
 * What the job handlers and sweeps need. Global because the chassis instantiates handlers and sweeps inside its
 * messaging module, which only sees global providers.
 */
@Module({})
export class NotificationsCoreModule {
  static forRoot(config: NotificationsEnv): DynamicModule {
    return {
      module: NotificationsCoreModule,
      global: true,
      providers: [{ provide: NotificationsEnv, useValue: config }, ...SHARED],
      exports: [NotificationsEnv, ...SHARED],
    };
  }
}
