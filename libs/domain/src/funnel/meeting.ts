import { assertNever } from '../domain-error';
import { funnelError, FunnelErrorCode } from './funnel-error';

/** Where a meeting stands. Values are stored and sent on the wire: never rename. */
export enum MeetingStatus {
  Scheduled = 'scheduled',
  Held = 'held',
  Cancelled = 'cancelled',
}

/** What can happen to a meeting; every change is kept in the meeting's history. */
export enum MeetingAction {
  MarkHeld = 'held',
  Cancel = 'cancelled',
  Reschedule = 'rescheduled',
}

/** The status after `action`, or a refusal: only a scheduled meeting can be held, cancelled or moved. */
export function nextMeetingStatus(status: MeetingStatus, action: MeetingAction): MeetingStatus {
  if (status !== MeetingStatus.Scheduled) {
    throw funnelError(
      FunnelErrorCode.MeetingNotOpen,
      `The meeting is already ${status}; only a scheduled meeting can be ${action}.`,
      { status, action },
    );
  }
  switch (action) {
    case MeetingAction.MarkHeld:
      return MeetingStatus.Held;
    case MeetingAction.Cancel:
      return MeetingStatus.Cancelled;
    case MeetingAction.Reschedule:
      // A moved meeting is still ahead of us; its old date stays in the history.
      return MeetingStatus.Scheduled;
    default:
      return assertNever(action, 'meeting action');
  }
}
