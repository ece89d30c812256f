import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DeadLetterStore } from './dead-letters';
import type { DispatcherOptions, QueuedJob } from './job-dispatcher';
import { SWEEP_JOB_PREFIX, Sweep } from './sweep';

/** How many of BullMQ's failed jobs one run takes over. */
const BATCH = 100;

/**
 * BullMQ's failed list, emptied into Dealgate's own bookkeeping. The dispatcher turns a handler's failure into a retry
 * or a dead letter itself; a job reaches BullMQ's failed list only when that bookkeeping could not be written (the
 * database down at the last attempt, the queue store refusing the retry). Left there it would be outside the
 * dead-letter table and the admin API. This takes each such job over (every `SWEEP_CHECK_MS`, on a timer of the
 * messaging runtime, not as a queue job): the attempt goes into the history, and
 * the job is retried when it has attempts left (the same deterministic job id as the dispatcher's retry, so a retry
 * that did get enqueued is not doubled) or becomes a dead letter; then it leaves BullMQ's list.
 */
export class FailedJobsSweep implements Sweep {
  readonly name = 'failed-jobs';
  private readonly logger = new Logger(FailedJobsSweep.name);

  constructor(
    private readonly ownQueue: () => Queue,
    private readonly deadLetters: DeadLetterStore,
    private readonly options: DispatcherOptions,
    readonly everyMs: number,
  ) {}

  async run(): Promise<void> {
    const jobs = await this.ownQueue().getFailed(0, BATCH - 1);
    for (const job of jobs) {
      if (!job.name.startsWith(SWEEP_JOB_PREFIX)) {
        const raw = (job.data ?? {}) as Partial<QueuedJob>;
        const envelope = { ...raw, messageId: raw.messageId ?? String(job.id) } as QueuedJob;
        const attempt = envelope.attempt ?? 1;
        const error = `${job.failedReason || 'failed in the queue'} (taken over from the queue's failed list)`;
        await this.deadLetters.recordAttempt(envelope, attempt, error);
        if (attempt < this.options.attempts && typeof raw.name === 'string') {
          await this.ownQueue().add(
            job.name,
            { ...envelope, attempt: attempt + 1 },
            {
              jobId: `${envelope.messageId}-r${envelope.replay ?? 0}-a${attempt + 1}`,
              delay: this.options.backoffMs * 2 ** (attempt - 1),
            },
          );
        } else {
          await this.deadLetters.record(envelope, error, attempt);
        }
        this.logger.warn(`took over failed job ${job.id} (${job.name}, attempt ${attempt}) from the queue's list`);
      }
      await job.remove();
    }
  }
}
