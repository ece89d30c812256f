import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';

/** A success toast whose close button has a name (axe: button-name). */
export function notifyDone(message: string, t: TFunction<'adminOps'>) {
  notifications.show({ color: 'teal', message, closeButtonProps: { 'aria-label': t('common.closeToast') } });
}
