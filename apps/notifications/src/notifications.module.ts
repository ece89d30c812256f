import { DynamicModule, Module } from '@nestjs/common';
import { ChassisModule } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { QueueSettings } from '@dealgate/messaging';
import { InboxController } from './inbox/inbox.controller';
import { NOTIFICATION_HANDLERS } from './intake/notification.handlers';
import { DigestSweep } from './mail/digest.sweep';
import { MailSweep } from './mail/mail.sweep';
import { NOTIFICATIONS_ENTITIES } from './notifications.entities';
import { NOTIFICATIONS_MIGRATIONS } from './migrations';
import { NotificationsCoreModule } from './notifications-core.module';
import { NotificationsEnv } from './notifications.env';
import { PreferencesController } from './preferences/preferences.controller';
import { PreferencesService } from './preferences/preferences.service';
import { NotificationFeed } from './stream/notification-feed';
import { StreamController } from './stream/stream.controller';
import { StreamService } from './stream/stream.service';
import { WebhookDeliverySweep } from './webhooks/webhook-delivery.sweep';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsEnv, queue: QueueSettings): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        ChassisModule.forService({
          service: ServiceName.Notifications,
          config,
          queue,
          entities: NOTIFICATIONS_ENTITIES,
          migrations: NOTIFICATIONS_MIGRATIONS,
          sweeps: [MailSweep, DigestSweep, WebhookDeliverySweep],
          directory: true,
        }),
        NotificationsCoreModule.forRoot(config),
      ],
      // Preferences before the inbox, so `notifications/preferences` is never taken for an inbox route.
      controllers: [PreferencesController, StreamController, InboxController, WebhooksController],
      // Job handlers (marked @HandlesJob) and sweeps are providers of this module; the messaging runtime finds them.
      providers: [
        ...NOTIFICATION_HANDLERS,
        MailSweep,
        DigestSweep,
        WebhookDeliverySweep,
        PreferencesService,
        NotificationFeed,
        StreamService,
        WebhooksService,
      ],
    };
  }
}
