/** The bell with the unread count (built in the notifications feature). */
export function NotificationBell() {
  return null;
}
