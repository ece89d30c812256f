import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value !== '' ? Number(value) : value);

/**
 * Variables every service reads. Each app extends this class with its own; `loadConfig` validates it at boot.
 * Defaults are for a developer's machine; `npm start` sets DATABASE_URL and JWT_SECRET in embedded mode.
 */
export class ServiceEnv {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL!: string;

  /** With a Redis URL BullMQ runs on Redis; without one, on its PostgreSQL backend in DATABASE_URL. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prefix of queue keys; lets several deployments (or test runs) share one Redis. */
  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'may hold only lowercase letters, digits and dashes' })
  QUEUE_PREFIX = 'bull';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT!: number;

  /** Services listen on loopback by default; containers set 0.0.0.0. */
  @IsString()
  HOST = '127.0.0.1';

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (use a random secret)' })
  JWT_SECRET!: string;

  /** Seals personal data that must travel in a job (see libs/messages personal-data.ts). */
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (use a random secret)' })
  PII_KEY!: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  JOB_ATTEMPTS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  JOB_BACKOFF_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  WORKER_CONCURRENCY = 8;

  /**
   * How long a worker's hold on a job lasts without renewal (renewed every half of it while the handler runs), and
   * how often stalled jobs are looked for: a job whose process died mid-handler is taken up again within about twice
   * this. BullMQ's default is 30 s.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  JOB_LOCK_MS = 30_000;

  /**
   * The relay's safety poll: every commit of this process that wrote to the outbox wakes its relay at once (in
   * process, after the commit), so the poll is for rows another process committed (a replica whose relay is down).
   * An idle relay doubles its wait after each pass that found nothing, up to OUTBOX_IDLE_POLL_MAX_MS.
   */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 5_000;

  /** The longest wait of an idle relay's safety poll: what bounds the delay of a row no wake announced. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_IDLE_POLL_MAX_MS = 60_000;

  /**
   * How often each service takes BullMQ's failed list over into retries and dead letters (jobs whose bookkeeping the
   * dispatcher could not write: the database down at the last attempt). Bounds how late such a retry starts.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  SWEEP_CHECK_MS = 60_000;

  /**
   * Whether a commit that gives a sweep work (an e-mail, a webhook delivery queued) runs that sweep at once in this
   * process (the sweep's period is then only its safety poll). `false` leaves sweeps to their periods: for tests that
   * drive a sweep by hand at chosen times.
   */
  @IsIn(['true', 'false'])
  SWEEP_WAKE_ON_COMMIT: 'true' | 'false' = 'true';

  /**
   * How long an idle worker on BullMQ's PostgreSQL backend waits before it looks for jobs again: a new job wakes it at
   * once (LISTEN/NOTIFY), so this bounds only a missed notification. Not used with Redis (BullMQ's 5 s stays).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  WORKER_IDLE_WAIT_MS = 120_000;

  /**
   * How often each relay checks that the queue store kept its marker (a reset makes it publish recent rows again):
   * what bounds the delay of recovering the jobs a lost store held (checked sooner after a failed relay pass).
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  QUEUE_STORE_CHECK_MS = 30_000;

  /** After a queue store reset, outbox rows sent within this window are published again (default 24 h). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  OUTBOX_REPUBLISH_WINDOW_MS = 86_400_000;
}
