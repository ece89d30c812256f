import { HttpStatus } from '@nestjs/common';
import { NotificationErrorCode } from '@dealgate/domain';
import { StatusForCode, statusMap } from '@dealgate/common';

// 400: a webhook address the service refuses to call (private networks); 404: not there, or not the caller's.
const NOTIFICATION_STATUS: Record<NotificationErrorCode, number> = {
  [NotificationErrorCode.NotificationNotFound]: HttpStatus.NOT_FOUND,
  [NotificationErrorCode.WebhookNotFound]: HttpStatus.NOT_FOUND,
  [NotificationErrorCode.WebhookDestinationNotAllowed]: HttpStatus.BAD_REQUEST,
};

/** The notifications service's code -> HTTP status map (common codes fall through to the filter). */
export const notificationsStatusForCode: StatusForCode = statusMap(NOTIFICATION_STATUS);
