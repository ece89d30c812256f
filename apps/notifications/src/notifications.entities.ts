import { NotificationEntity } from './inbox/notification.entity';
import { MailEntity } from './mail/mail.entity';
import { EmailSettingEntity } from './preferences/email-setting.entity';
import { NotificationPreferenceEntity } from './preferences/notification-preference.entity';
import { WebhookAttemptEntity } from './webhooks/webhook-attempt.entity';
import { WebhookDeliveryEntity } from './webhooks/webhook-delivery.entity';
import { WebhookEntity } from './webhooks/webhook.entity';

/**
 * The entities registered with the service's data source (notifications.module.ts). Mappings only: the migrations
 * build the tables, and tools/migrations/entities-match-schema.int-spec.ts checks this list against what they build.
 */
export const NOTIFICATIONS_ENTITIES = [
  NotificationEntity,
  NotificationPreferenceEntity,
  EmailSettingEntity,
  MailEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
];
