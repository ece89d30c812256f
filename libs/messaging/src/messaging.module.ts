import { BullModule, Processor, WorkerHost, getQueueToken } from '@nestjs/bullmq';
import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Provider,
  Type,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, ModuleRef } from '@nestjs/core';
import { Clock } from '@dealgate/common';
import { InjectDataSource, getDataSourceToken } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { ALL_SERVICES, ServiceName, queueNameOf } from '@dealgate/messages';
import { METRICS_REGISTRY } from '@dealgate/common';
import { DeadLetterController } from './dead-letter.controller';
import { DeadLetterStore } from './dead-letters';
import { FailedJobsSweep } from './failed-jobs';
import { everyOneAtATime } from './periodic';
import { JobDispatcher, assertHandlersMatchRoutes } from './job-dispatcher';
import { discoverJobHandlers } from './job-handler';
import { MessagingMetrics } from './messaging-metrics';
import { OutboxRelay } from './outbox-relay';
import { OutboxStatusController } from './outbox-status.controller';
import { QueueSettings, redisSettingWarnings } from './queue-backend';
import { CommitHook } from './outbox-commit-hook';
import { Sweep } from './sweep';
import { STORE_MARKER_QUEUE, StoreResetWatch } from './store-reset';
import { SweepTimers, removeLegacySweepSchedulers } from './sweep-timers';

export interface MessagingOptions {
  service: ServiceName;
  queue: QueueSettings;
  sweeps: Type<Sweep>[];
  attempts: number;
  backoffMs: number;
  concurrency: number;
  /** The worker's job lock and stalled-job check period (a crashed process's job is taken up within ~2x this). */
  lockMs: number;
  outboxPollMs: number;
  /** How long an idle worker on the PostgreSQL backend waits before it looks for jobs again (see drainDelaySeconds). */
  workerIdleWaitMs: number;
  /** The longest wait of an idle relay (its poll doubles from `outboxPollMs` while passes find nothing). */
  outboxIdlePollMaxMs?: number;
  /** How often BullMQ's failed list is taken over into retries and dead letters (failed-jobs.ts). */
  sweepCheckMs: number;
  /** Whether a sweep's `wakeOnCommitOf` commits run it at once (default true). */
  sweepWakeOnCommit?: boolean;
  /** How often the relay checks that the queue store still holds its marker (else it publishes recent rows again). */
  storeCheckMs: number;
  /** After a queue store reset, rows sent within this window are published again. */
  republishWindowMs: number;
}

const OPTIONS = Symbol('MESSAGING_OPTIONS');

/**
 * Finds the service's job handlers (providers marked @HandlesJob) and resolves its sweeps in the whole application
 * (they are providers of the app's own feature modules, so they can inject that module's repositories), builds the
 * dispatcher, checks at boot that every routed job has exactly one handler, and schedules the sweeps.
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  private built?: JobDispatcher;
  private timers?: SweepTimers;
  private commitHooks: CommitHook[] = [];
  private stopFailedJobs?: () => void;
  private readonly logger = new Logger('Messaging');

  constructor(
    @Inject(OPTIONS) private readonly options: MessagingOptions,
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterStore,
    private readonly metrics: MessagingMetrics,
    private readonly clock: Clock,
  ) {}

  private resolve<T>(classes: Type<T>[], kind: string): T[] {
    return classes.map((cls) => {
      try {
        return this.moduleRef.get(cls, { strict: false });
      } catch {
        throw new Error(
          `${this.options.service}: the ${kind} ${cls.name} is not a provider of any module. ` +
            `Add it to the providers of the module that owns its dependencies (e.g. the app's feature module).`,
        );
      }
    });
  }

  private ownQueue(): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(queueNameOf(this.options.service)), { strict: false });
  }

  private sweeps(): Sweep[] {
    return this.resolve(this.options.sweeps, 'sweep');
  }

  /**
   * BullMQ's failed list taken over into retries and dead letters, every `sweepCheckMs`, on a timer of its own
   * rather than as a job: it reads and changes the queue, and a worker closing at shutdown waits for its jobs.
   */
  private takeOverFailedJobs(): void {
    const { service, attempts, backoffMs, sweepCheckMs } = this.options;
    const failedJobs = new FailedJobsSweep(
      () => this.ownQueue(),
      this.deadLetters,
      { service, attempts, backoffMs },
      sweepCheckMs,
    );
    this.stopFailedJobs = everyOneAtATime(
      sweepCheckMs,
      () => failedJobs.run(),
      (error) =>
        this.logger.warn(`could not take over failed jobs: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /** Built on first use: a job may arrive as soon as the worker starts, before the bootstrap hook. */
  dispatcher(): JobDispatcher {
    if (!this.built) {
      const handlers = discoverJobHandlers(this.discovery);
      assertHandlersMatchRoutes(this.options.service, [...handlers.keys()]);
      this.built = new JobDispatcher(
        this.dataSource,
        handlers,
        () => this.ownQueue(),
        this.deadLetters,
        { service: this.options.service, attempts: this.options.attempts, backoffMs: this.options.backoffMs },
        this.metrics,
        this.sweeps(),
        () => this.clock.now(),
      );
    }
    return this.built;
  }

  async onApplicationBootstrap(): Promise<void> {
    // Each sweep on a timer of this process (sweep-timers.ts); the job schedulers older versions used go away.
    const sweeps = this.sweeps();
    const dispatcher = this.dispatcher();
    await removeLegacySweepSchedulers(this.options.service, sweeps, this.ownQueue());
    const timers = new SweepTimers(sweeps, (sweep) => dispatcher.runSweep(sweep));
    this.timers = timers;
    timers.start();
    if (this.options.sweepWakeOnCommit ?? true) {
      for (const sweep of sweeps.filter((s) => s.wakeOnCommitOf)) {
        const hook = new CommitHook(this.dataSource, sweep.wakeOnCommitOf!, () => timers.wake(sweep.name));
        hook.attach();
        this.commitHooks.push(hook);
      }
    }
    this.takeOverFailedJobs();
    if (this.options.queue.kind === 'redis') {
      for (const warning of await redisSettingWarnings(this.options.queue.connection)) this.logger.warn(warning);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopFailedJobs?.();
    for (const hook of this.commitHooks) hook.detach();
    this.commitHooks = [];
    await this.timers?.stop();
  }
}

/** Starts the relay after boot and stops it (finishing the batch in flight) before the queues close. */
@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly relay: OutboxRelay) {}
  onApplicationBootstrap(): void {
    this.relay.start();
  }
  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}

/**
 * How long an idle worker waits for a job before it looks again (BullMQ's `drainDelay`, in seconds). On the
 * PostgreSQL backend a new job wakes the worker at once (LISTEN/NOTIFY, the LISTEN connection kept alive and rebuilt
 * when it drops) and a delayed one at its due time, so the wait only bounds a missed notification; each look is four
 * queue transactions, so BullMQ's 5 s made an idle worker commit about 0.8 times a second. On Redis the wait is a
 * blocking BZPOPMIN, which BullMQ keeps short (reconnections, bullmq #1658): BullMQ's default stays.
 */
export function drainDelaySeconds(options: Pick<MessagingOptions, 'queue' | 'workerIdleWaitMs'>): number | undefined {
  return options.queue.kind === 'postgres' ? Math.max(1, Math.round(options.workerIdleWaitMs / 1000)) : undefined;
}

function consumerFor(service: ServiceName, concurrency: number, lockMs: number, drainDelay?: number): Type {
  // One worker per service on its own queue; BullMQ's `close()` (called by @nestjs/bullmq on shutdown) lets
  // in-flight jobs finish, and a job cut off by a crash is picked up again as stalled once its lock has expired.
  // A job may stall more than once (its process killed again): after the allowance BullMQ fails it, and the
  // failed-jobs sweep (failed-jobs.ts) retries it or makes it a dead letter.
  @Processor(queueNameOf(service), {
    concurrency,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: 3,
    ...(drainDelay ? { drainDelay } : {}),
  })
  class Consumer extends WorkerHost {
    constructor(@Inject(MessagingRuntime) private readonly runtime: MessagingRuntime) {
      super();
    }
    async process(job: Job): Promise<string> {
      return this.runtime.dispatcher().dispatch(job);
    }
  }
  Object.defineProperty(Consumer, 'name', { value: `${service[0].toUpperCase()}${service.slice(1)}Consumer` });
  return Consumer;
}

/**
 * Everything a service needs to send and receive jobs: queues of every service (for fan-out), the outbox relay,
 * the inbox-guarded dispatcher with its worker, dead letters and their admin endpoints, and job metrics.
 */
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    const ownQueue = (ref: ModuleRef) => () =>
      ref.get<Queue>(getQueueToken(queueNameOf(options.service)), { strict: false });
    const providers: Provider[] = [
      { provide: OPTIONS, useValue: options },
      {
        provide: MessagingMetrics,
        useFactory: (registry: Registry, ds: DataSource) => new MessagingMetrics(registry, ds),
        inject: [METRICS_REGISTRY, getDataSourceToken()],
      },
      {
        provide: DeadLetterStore,
        useFactory: (ds: DataSource, ref: ModuleRef) => new DeadLetterStore(ds, ownQueue(ref)),
        inject: [getDataSourceToken(), ModuleRef],
      },
      MessagingRuntime,
      {
        provide: OutboxRelay,
        useFactory: (ds: DataSource, ref: ModuleRef, metrics: MessagingMetrics) =>
          new OutboxRelay(
            ds,
            (consumer) => ref.get<Queue>(getQueueToken(queueNameOf(consumer)), { strict: false }),
            {
              source: options.service,
              pollMs: options.outboxPollMs,
              idlePollMaxMs: options.outboxIdlePollMaxMs,
              storeReset: new StoreResetWatch(ds, {
                service: options.service,
                marker: () => ref.get<Queue>(getQueueToken(STORE_MARKER_QUEUE), { strict: false }),
                checkEveryMs: options.storeCheckMs,
                republishWindowMs: options.republishWindowMs,
              }),
              jobOptions: { removeOnComplete: { age: 3600, count: 5000 }, removeOnFail: { age: 7 * 86400 } },
            },
            metrics,
          ),
        inject: [getDataSourceToken(), ModuleRef, MessagingMetrics],
      },
      RelayLifecycle,
      Clock,
      consumerFor(options.service, options.concurrency, options.lockMs, drainDelaySeconds(options)),
    ];
    return {
      module: MessagingModule,
      global: true,
      imports: [
        DiscoveryModule,
        BullModule.forRoot({ connection: options.queue.connection, prefix: options.queue.prefix }),
        BullModule.registerQueue(
          ...ALL_SERVICES.map((s) => ({ name: queueNameOf(s) })),
          // Never consumed: holds the markers whose absence tells a relay that the queue store lost its data.
          { name: STORE_MARKER_QUEUE },
        ),
      ],
      controllers: [DeadLetterController, OutboxStatusController],
      providers,
      exports: [OutboxRelay, DeadLetterStore, MessagingMetrics, BullModule, Clock],
    };
  }
}
