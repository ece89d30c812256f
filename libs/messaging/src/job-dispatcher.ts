import { Logger } from '@nestjs/common';
import { Job, JobsOptions, Queue } from 'bullmq';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  JOB_PAYLOAD_CLASSES,
  JobEnvelope,
  JobEnvelopeShape,
  JobName,
  ServiceName,
  jobsConsumedBy,
} from '@dealgate/messages';
import { withCorrelationId } from '@dealgate/common';
import { DeadLetterStore } from './dead-letters';
import { JobHandlers } from './job-handler';
import { MessagingMetrics } from './messaging-metrics';
import { SWEEP_JOB_PREFIX, Sweep } from './sweep';

/** What a queued job carries: the envelope plus the attempt number (retries are re-enqueued, see below). */
export type QueuedJob = JobEnvelope & { attempt?: number; replay?: number };

export class MalformedJobError extends Error {
  override name = 'MalformedJobError';
}

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    return [...Object.values(e.constraints ?? {}).map((c) => `${field}: ${c}`), ...describe(e.children ?? [], field)];
  });
}

/** Checks the envelope and its payload against the wire contract; throws MalformedJobError naming each problem. */
export function parseJob(data: unknown): QueuedJob {
  if (typeof data !== 'object' || data === null) throw new MalformedJobError('job data is not an object');
  const problems = describe(validateSync(plainToInstance(JobEnvelopeShape, data)));
  if (problems.length) throw new MalformedJobError(`malformed envelope: ${problems.join('; ')}`);
  const envelope = data as QueuedJob;
  const payload = plainToInstance(JOB_PAYLOAD_CLASSES[envelope.name] as new () => object, envelope.payload);
  const payloadProblems = describe(validateSync(payload, { whitelist: true }), 'payload');
  if (payloadProblems.length) throw new MalformedJobError(`malformed ${envelope.name}: ${payloadProblems.join('; ')}`);
  return { ...envelope, payload: payload as JobEnvelope['payload'] };
}

/** Boot check: every job routed to the service has exactly one handler, and no handler waits for an unrouted job. */
export function assertHandlersMatchRoutes(service: ServiceName, handled: readonly JobName[]): void {
  const consumed = jobsConsumedBy(service);
  const missing = consumed.filter((name) => !handled.includes(name));
  const extra = handled.filter((name) => !consumed.includes(name));
  if (missing.length || extra.length) {
    throw new Error(
      `${service}: every consumed job needs exactly one handler (missing: ${missing.join(', ') || 'none'}; ` +
        `not routed here: ${extra.join(', ') || 'none'}). A handler is a provider marked @HandlesJob(name).`,
    );
  }
}

export interface DispatcherOptions {
  service: ServiceName;
  attempts: number;
  backoffMs: number;
}

/**
 * Runs each job's handler exactly once per message id: the inbox row and the handler's effect commit in one
 * transaction, so a redelivered job finds its inbox row and is acknowledged without a second effect.
 *
 * Retries are re-enqueued as new delayed jobs (deterministic job ids, so a crash mid-retry cannot fork a job)
 * rather than through BullMQ's built-in retry, whose `moveToDelayed` path has a known bug on the PostgreSQL
 * backend with several workers (bullmq #4814). A job that fails its last attempt, or is malformed, becomes a
 * dead letter.
 */
export class JobDispatcher {
  private readonly logger = new Logger(JobDispatcher.name);
  private readonly sweeps = new Map<string, Sweep>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: JobHandlers,
    private readonly ownQueue: () => Queue,
    private readonly deadLetters: DeadLetterStore,
    private readonly options: DispatcherOptions,
    private readonly metrics?: MessagingMetrics,
    sweeps: Sweep[] = [],
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const sweep of sweeps) this.sweeps.set(`${SWEEP_JOB_PREFIX}${sweep.name}`, sweep);
  }

  async dispatch(job: Job): Promise<'done' | 'duplicate' | 'retry' | 'dead'> {
    if (job.name.startsWith(SWEEP_JOB_PREFIX)) return this.runSweepJob(job.name);
    let envelope: QueuedJob;
    try {
      envelope = parseJob(job.data);
    } catch (error) {
      const raw = (job.data ?? {}) as Partial<QueuedJob>;
      const fallback = {
        ...raw,
        messageId: typeof raw.messageId === 'string' ? raw.messageId : String(job.id),
      } as QueuedJob;
      await this.keepAttempt(fallback, 1, (error as Error).message);
      await this.deadLetters.record(fallback, (error as Error).message, 1);
      this.metrics?.failed.inc({ job: job.name });
      this.logger.error(`Dead-lettered malformed job ${job.id}: ${(error as Error).message}`);
      return 'dead';
    }
    return withCorrelationId(envelope.correlationId, () => this.handle(envelope));
  }

  private async runSweepJob(jobName: string): Promise<'done'> {
    const sweep = this.sweeps.get(jobName);
    if (sweep) await this.runSweep(sweep);
    // A scheduler left behind by an older version: nothing to do.
    else this.logger.warn(`No sweep for ${jobName}`);
    return 'done';
  }

  /**
   * Runs one sweep (from its timer, see sweep-timers.ts, or as a job of a scheduler an older version left in the
   * queue store), timed and counted; a failure is logged and left to the next run.
   */
  async runSweep(sweep: Sweep): Promise<void> {
    const jobName = `${SWEEP_JOB_PREFIX}${sweep.name}`;
    const end = this.metrics?.duration.startTimer({ job: jobName });
    try {
      await withCorrelationId(undefined, () => sweep.run(this.now()));
      this.metrics?.processed.inc({ job: jobName });
    } catch (error) {
      // The next run retries: sweeps are idempotent and periodic, so no backoff or dead letter is needed.
      this.metrics?.failed.inc({ job: jobName });
      this.logger.error(`Sweep ${sweep.name} failed: ${(error as Error).message}`);
    } finally {
      end?.();
    }
  }

  /** The attempt's error for the dead letter's history; best effort (the database may be what failed). */
  private async keepAttempt(envelope: QueuedJob, attempt: number, message: string): Promise<void> {
    try {
      await this.deadLetters.recordAttempt(envelope, attempt, message);
    } catch (error) {
      this.logger.warn(`could not keep attempt ${attempt} of ${envelope.messageId}: ${(error as Error).message}`);
    }
  }

  private async handle(envelope: QueuedJob): Promise<'done' | 'duplicate' | 'retry' | 'dead'> {
    const attempt = envelope.attempt ?? 1;
    const handler = this.handlers.get(envelope.name);
    if (!handler) {
      await this.keepAttempt(envelope, attempt, `no handler for ${envelope.name} in ${this.options.service}`);
      await this.deadLetters.record(envelope, `no handler for ${envelope.name} in ${this.options.service}`, attempt);
      this.metrics?.failed.inc({ job: envelope.name });
      return 'dead';
    }
    const end = this.metrics?.duration.startTimer({ job: envelope.name });
    try {
      const applied = await this.dataSource.transaction(async (manager) => {
        const inserted = await manager.query<unknown[]>(
          'INSERT INTO inbox (message_id, job_name) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING message_id',
          [envelope.messageId, envelope.name],
        );
        if (inserted.length === 0) return false;
        await handler.handle(envelope.payload, { manager, envelope });
        return true;
      });
      end?.();
      if (!applied) {
        this.metrics?.duplicates.inc({ job: envelope.name });
        this.logger.log(`Duplicate ${envelope.name} ${envelope.messageId} acknowledged without effect`);
        return 'duplicate';
      }
      this.metrics?.processed.inc({ job: envelope.name });
      // One line per effect: with the correlation id (added by the logger) a user action can be followed
      // through every service it touched.
      this.logger.log(`Handled ${envelope.name} ${envelope.messageId} from ${envelope.source} (attempt ${attempt})`);
      return 'done';
    } catch (error) {
      end?.();
      const message = (error as Error).message ?? String(error);
      await this.keepAttempt(envelope, attempt, message);
      if (attempt >= this.options.attempts) {
        await this.deadLetters.record(envelope, message, attempt);
        this.metrics?.failed.inc({ job: envelope.name });
        this.logger.error(
          `${envelope.name} ${envelope.messageId} failed for good after ${attempt} attempts: ${message}`,
        );
        return 'dead';
      }
      const delay = this.options.backoffMs * 2 ** (attempt - 1);
      const opts: JobsOptions = { jobId: `${envelope.messageId}-r${envelope.replay ?? 0}-a${attempt + 1}`, delay };
      await this.ownQueue().add(envelope.name, { ...envelope, attempt: attempt + 1 }, opts);
      this.metrics?.retried.inc({ job: envelope.name });
      this.logger.warn(
        `${envelope.name} ${envelope.messageId} attempt ${attempt} failed (${message}); retry in ${delay} ms`,
      );
      return 'retry';
    }
  }
}
