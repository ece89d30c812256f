import { assertNever } from '../domain-error';
import { funnelError, FunnelErrorCode } from './funnel-error';

/** How a defence meeting took place. Values are stored and sent on the wire: never rename. */
export enum DefenceChannel {
  InPerson = 'in_person',
  Video = 'video',
  Phone = 'phone',
  Email = 'email',
  Letter = 'letter',
}

/** What the prospect said. Values are stored and sent on the wire: never rename. */
export enum DefenceOutcome {
  Accepted = 'accepted',
  ChangesRequested = 'changes_requested',
  Rejected = 'rejected',
}

export interface DefenceAttendee {
  readonly contactId: string;
  readonly isDecisionMaker: boolean;
}

export interface DefenceInput {
  readonly channel: DefenceChannel;
  readonly attendees: readonly DefenceAttendee[];
  readonly outcome: DefenceOutcome;
}

/** Only a meeting where the prospect can be seen counts: an offer is never defended by sending it. */
export function isDefenceChannelAllowed(channel: DefenceChannel): boolean {
  switch (channel) {
    case DefenceChannel.InPerson:
    case DefenceChannel.Video:
      return true;
    case DefenceChannel.Phone:
    case DefenceChannel.Email:
    case DefenceChannel.Letter:
      return false;
    default:
      return assertNever(channel, 'defence channel');
  }
}

function refusedChannelReason(channel: DefenceChannel): string {
  switch (channel) {
    case DefenceChannel.Email:
      return 'An offer is never defended by e-mail: sending it is not hearing "we are satisfied with the offer".';
    case DefenceChannel.Letter:
      return 'An offer is never defended by letter: sending it is not hearing "we are satisfied with the offer".';
    case DefenceChannel.Phone:
      return 'A phone call is not a defence: the offer must be defended in a meeting held in person or by video.';
    case DefenceChannel.InPerson:
    case DefenceChannel.Video:
      return '';
    default:
      return assertNever(channel, 'defence channel');
  }
}

export function assertDefenceChannel(channel: DefenceChannel): void {
  if (!isDefenceChannelAllowed(channel)) {
    throw funnelError(FunnelErrorCode.DefenceChannelRefused, refusedChannelReason(channel), {
      channel,
      allowedChannels: [DefenceChannel.InPerson, DefenceChannel.Video],
    });
  }
}

/** The words "we are satisfied" count only from someone who decides. */
export function assertDefenceAttendees(attendees: readonly DefenceAttendee[]): void {
  if (!attendees.some((attendee) => attendee.isDecisionMaker)) {
    throw funnelError(
      FunnelErrorCode.DefenceWithoutDecisionMaker,
      "A decision-maker of the prospect must attend the offer's defence.",
    );
  }
}

export function assertDefenceValid(defence: Pick<DefenceInput, 'channel' | 'attendees'>): void {
  assertDefenceChannel(defence.channel);
  assertDefenceAttendees(defence.attendees);
}
