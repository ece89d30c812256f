import { notifications } from '@mantine/notifications';
import i18next from 'i18next';

/** A toast whose close button has a name (Mantine's has none: axe button-name). */
export function notify(color: 'green' | 'red', message: string): void {
  notifications.show({
    color,
    message,
    closeButtonProps: { 'aria-label': i18next.t('samples:close') },
  });
}
