import { notifications } from '@mantine/notifications';

/** A short success toast with a named close button (axe: every button has a name). */
export function notifyDone(message: string, closeLabel: string) {
  notifications.show({ color: 'teal', message, closeButtonProps: { 'aria-label': closeLabel } });
}
