import { ChaosOptions } from './options';
import { SeededRandom } from './random';
import { ChaosDatabase, ChaosRedis } from './stores';
import { ChaosService, ChaosSystem } from './system';

export type FaultKind = 'kill' | 'wipe' | 'db-restart' | 'db-terminate';

export interface FaultFigures {
  kills: number;
  killsAfterWrite: number;
  killsByService: Record<string, number>;
  wipes: number;
  dbRestarts: number;
  dbTerminations: number;
  /** Faults asked for that this run could not make (a database it does not own cannot be restarted). */
  skipped: string[];
  /** When the last fault ended (ms since epoch). */
  lastFaultAt: number;
}

/**
 * Injects the run's faults one at a time, spread over the run's window in a seeded order: SIGKILLs of random
 * service processes, queue-store wipes (Redis: FLUSHALL, then a restart that comes back empty, in turns; the
 * PostgreSQL backend: its `bullmq` tables emptied), database connections terminated, the database restarted.
 * Some kills wait for a write: `afterWrite` kills the service that has just answered one.
 */
export class FaultInjector {
  readonly figures: FaultFigures;
  private readonly random: SeededRandom;
  private afterWriteBudget: number;
  private lastAfterWriteAt = 0;
  private running = false;
  private busy: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: ChaosOptions,
    private readonly system: ChaosSystem,
    private readonly db: ChaosDatabase,
    private readonly redis: ChaosRedis | undefined,
    private readonly log: (line: string) => void,
  ) {
    this.random = new SeededRandom(options.seed);
    this.afterWriteBudget = options.killsAfterWrite;
    this.figures = {
      kills: 0,
      killsAfterWrite: 0,
      killsByService: {},
      wipes: 0,
      dbRestarts: 0,
      dbTerminations: 0,
      skipped: [],
      lastFaultAt: Date.now(),
    };
  }

  /** The scheduled faults in a seeded order (the kills after writes are not scheduled: writes trigger them). */
  plan(): FaultKind[] {
    const { kills, killsAfterWrite, wipes, dbRestarts, dbTerminations } = this.options;
    return this.random.shuffle([
      ...Array<FaultKind>(kills - killsAfterWrite).fill('kill'),
      ...Array<FaultKind>(wipes).fill('wipe'),
      ...Array<FaultKind>(dbRestarts).fill('db-restart'),
      ...Array<FaultKind>(dbTerminations).fill('db-terminate'),
    ]);
  }

  /** Runs the plan over the window; what the writes did not use of the after-write kills ends as random kills. */
  async run(): Promise<void> {
    this.running = true;
    const plan = this.plan();
    const gapMs = (this.options.durationSec * 1000) / (plan.length + 1);
    for (const fault of plan) {
      await sleep(gapMs * (0.5 + this.random.next()));
      await this.exclusive(() => this.inject(fault));
    }
    this.running = false;
    while (this.afterWriteBudget > 0) {
      this.afterWriteBudget--;
      await this.exclusive(() => this.kill());
    }
  }

  /** Called by the deal driver after each write that answered: now and then kills the service that applied it. */
  async afterWrite(service: ChaosService): Promise<void> {
    if (!this.running || this.afterWriteBudget === 0) return;
    const spacingMs = (this.options.durationSec * 1000) / (this.options.killsAfterWrite + 1);
    if (Date.now() - this.lastAfterWriteAt < spacingMs || this.random.next() > 0.5) return;
    this.afterWriteBudget--;
    this.lastAfterWriteAt = Date.now();
    await this.exclusive(() => this.kill(service, true));
  }

  private exclusive(fault: () => Promise<void>): Promise<void> {
    const next = this.busy.then(fault).catch((error: unknown) => this.log(`fault failed: ${String(error)}`));
    this.busy = next.finally(() => (this.figures.lastFaultAt = Date.now()));
    return this.busy;
  }

  private async inject(kind: FaultKind): Promise<void> {
    switch (kind) {
      case 'kill':
        return this.kill();
      case 'wipe':
        return this.wipe();
      case 'db-restart':
        return this.restartDatabase();
      case 'db-terminate': {
        const n = await this.db.terminateConnections();
        this.figures.dbTerminations++;
        this.log(`fault: terminated ${n} database connections`);
        return;
      }
    }
  }

  private async kill(service?: ChaosService, afterWrite = false): Promise<void> {
    const running = await this.system.processes();
    const candidates = service ? running.filter((p) => p.service === service) : running;
    const victim = candidates.length > 0 ? this.random.pick(candidates) : undefined;
    if (!victim) return this.log(`fault: no running process${service ? ` of ${service}` : ''} to kill`);
    try {
      process.kill(victim.pid, 'SIGKILL');
    } catch {
      return; // it died meanwhile
    }
    this.figures.kills++;
    if (afterWrite) this.figures.killsAfterWrite++;
    const name = `${victim.service}${this.options.replicas > 1 ? `#${victim.replica}` : ''}`;
    this.figures.killsByService[victim.service] = (this.figures.killsByService[victim.service] ?? 0) + 1;
    this.log(`fault: SIGKILL ${name} (pid ${victim.pid})${afterWrite ? ' right after a write' : ''}`);
  }

  private async wipe(): Promise<void> {
    if (!this.redis) {
      await this.db.wipeQueueSchema();
      this.log('fault: queue store wiped (the bullmq tables emptied)');
    } else if (this.figures.wipes % 2 === 0) {
      await this.redis.flushAll();
      this.log('fault: queue store wiped (Redis FLUSHALL)');
    } else {
      await this.redis.restartEmpty(1000);
      this.log('fault: queue store restarted empty (redis-server killed, started again without data)');
    }
    this.figures.wipes++;
  }

  private async restartDatabase(): Promise<void> {
    if (!this.db.owned) {
      this.figures.skipped.push('db-restart (DATABASE_URL is not the run’s own server)');
      return;
    }
    this.log('fault: database restart…');
    await this.db.restart(2000);
    this.figures.dbRestarts++;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
