import { getQueueToken } from '@nestjs/bullmq';
import { Controller, Get, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Queue } from 'bullmq';
import { Public } from '@dealgate/common';
import { queueNameOf } from '@dealgate/messages';
import { CHASSIS_OPTIONS, ChassisOptions } from './chassis-options';

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  );
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `/health`: the database and the queue backend, each within a short deadline. */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(CHASSIS_OPTIONS) private readonly options: ChassisOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      async () => {
        const indicator = this.indicators.check('queue');
        try {
          const queue = this.moduleRef.get<Queue>(getQueueToken(queueNameOf(this.options.service)), { strict: false });
          await withTimeout(queue.getJobCounts('waiting'), 3000);
          return indicator.up({ backend: this.options.queue.kind });
        } catch (error) {
          return indicator.down({ backend: this.options.queue.kind, error: (error as Error).message });
        }
      },
    ]);
  }
}
