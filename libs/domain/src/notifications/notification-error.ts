import { DomainError } from '../domain-error';

/** Codes of the notifications service's broken rules. Sent on the wire: never rename a value. */
export enum NotificationErrorCode {
  NotificationNotFound = 'notifications.not_found',
  WebhookNotFound = 'webhooks.not_found',
  /** A webhook URL whose host is internal (loopback, private, link-local, metadata...) and not on the allow-list. */
  WebhookDestinationNotAllowed = 'webhooks.destination_not_allowed',
}

export function notificationError(code: NotificationErrorCode, message: string, details?: Record<string, unknown>) {
  return new DomainError(code, message, details);
}
