import { HttpStatus } from '@nestjs/common';
import { NotificationErrorCode, assertNever } from '@dealgate/domain';

function notificationStatus(code: NotificationErrorCode): number {
  switch (code) {
    case NotificationErrorCode.NotificationNotFound:
    case NotificationErrorCode.WebhookNotFound:
      return HttpStatus.NOT_FOUND;
    case NotificationErrorCode.WebhookDestinationNotAllowed:
      return HttpStatus.BAD_REQUEST;
    default:
      return assertNever(code, 'notification error code');
  }
}

const CODES = new Set<string>(Object.values(NotificationErrorCode));

/** The one code -> status map of the notifications app (common codes fall through to the filter). */
export function notificationsStatusForCode(code: string): number | undefined {
  return CODES.has(code) ? notificationStatus(code as NotificationErrorCode) : undefined;
}
