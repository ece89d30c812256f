import { Type } from '@nestjs/common';
import { NOTIFIABLE_EVENTS, NotifiableEvent, NotificationEventInput } from '@dealgate/domain';
import { JobName, JobPayloads } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';
import { NotificationIntake } from './notification-intake.service';

// Compile-time checks that the domain's event list and input shapes match the wire contract: a renamed job or a
// payload that lost a field the notifications read breaks the build here.
type InputOf<E extends NotifiableEvent> = Extract<NotificationEventInput, { type: E }>['payload'];
const payloadsFit: { [E in NotifiableEvent]: JobPayloads[E] extends InputOf<E> ? true : never } = {
  'prospect.stage_changed': true,
  'offer.defended': true,
  'prospect.stalled': true,
  'norm.breached': true,
  'early_warning.raised': true,
  'approval.step_opened': true,
  'approval.sla_breached': true,
  'approval.decided': true,
  'contract.opened': true,
  'task.assigned': true,
  'task.overdue': true,
  'contract.signed': true,
};
void payloadsFit;

function handlerFor<E extends NotifiableEvent & JobName>(jobName: E): Type<JobHandler> {
  @HandlesJob(jobName)
  class NotifyHandler implements JobHandler<E> {
    constructor(private readonly intake: NotificationIntake) {}
    handle(payload: JobPayloads[E], { manager, envelope }: JobContext): Promise<void> {
      return this.intake.accept({ type: jobName, payload } as NotificationEventInput, manager, envelope);
    }
  }
  Object.defineProperty(NotifyHandler, 'name', { value: `Notify_${jobName.replace(/\W/g, '_')}_Handler` });
  return NotifyHandler;
}

/** One handler class per notifying event (the dispatcher wants exactly one per consumed job name); providers of the intake module. */
export const NOTIFICATION_HANDLERS: Type<JobHandler>[] = NOTIFIABLE_EVENTS.map((name) => handlerFor(name));

/** The job names behind those handlers, for libs/messages consumers/notifications.consumes.ts. */
export const NOTIFIED_JOBS: readonly JobName[] = NOTIFIABLE_EVENTS;
