import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthModule, PRINCIPAL_REVOCATION } from '@dealgate/auth';
import { MetricsModule, createLoggerModule, createMetricsRegistry } from '@dealgate/common';
import { dataSourceOptions, migrateSchema } from '@dealgate/database';
import { MessagingModule } from '@dealgate/messaging';
import { chassisEntities } from './chassis.entities';
import { CHASSIS_OPTIONS, ChassisOptions } from './chassis-options';
import { DirectoryRevocation, DirectoryService, UnitUpsertedHandler, UserUpsertedHandler } from './directory';
import { HealthController } from './health.controller';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyPurgeSweep } from './idempotency/idempotency-purge.sweep';
import { PingHandler } from './ping.handler';

/**
 * What every service stands on: validated config, JSON logs with correlation ids, its own schema with migrations
 * applied at start, the token guard, messaging (outbox, relay, inbox, dead letters), health and metrics.
 */
@Module({})
export class ChassisModule {
  static forService(options: ChassisOptions): DynamicModule {
    const { config, service } = options;
    return {
      module: ChassisModule,
      global: true,
      imports: [
        createLoggerModule(service, config.LOG_LEVEL),
        MetricsModule.forService(createMetricsRegistry(service)),
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            dataSourceOptions({
              url: config.DATABASE_URL,
              schema: service,
              // The chassis's own tables (directory copy, idempotency keys, ping receipts) beside the service's.
              entities: [...options.entities, ...chassisEntities(options.directory ?? false)],
              migrations: options.migrations,
            }),
          dataSourceFactory: async (dsOptions) => {
            const dataSource = await new DataSource(dsOptions!).initialize();
            await migrateSchema(dataSource, service);
            return dataSource;
          },
        }),
        AuthModule.forRoot(config.JWT_SECRET),
        MessagingModule.forService({
          service,
          queue: options.queue,
          sweeps: [...(options.sweeps ?? []), IdempotencyPurgeSweep],
          attempts: config.JOB_ATTEMPTS,
          backoffMs: config.JOB_BACKOFF_MS,
          concurrency: config.WORKER_CONCURRENCY,
          lockMs: config.JOB_LOCK_MS,
          outboxPollMs: config.OUTBOX_POLL_MS,
          outboxIdlePollMaxMs: config.OUTBOX_IDLE_POLL_MAX_MS,
          workerIdleWaitMs: config.WORKER_IDLE_WAIT_MS,
          sweepCheckMs: config.SWEEP_CHECK_MS,
          sweepWakeOnCommit: config.SWEEP_WAKE_ON_COMMIT === 'true',
          storeCheckMs: config.QUEUE_STORE_CHECK_MS,
          republishWindowMs: config.OUTBOX_REPUBLISH_WINDOW_MS,
        }),
        TerminusModule,
      ],
      controllers: [HealthController],
      // The chassis' own handlers are providers here; the app's handlers and sweeps are providers of the app's
      // modules (the messaging runtime finds the handlers by their @HandlesJob mark in the whole application).
      providers: [
        { provide: CHASSIS_OPTIONS, useValue: options },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        IdempotencyPurgeSweep,
        PingHandler,
        ...(options.directory
          ? [
              DirectoryService,
              UserUpsertedHandler,
              UnitUpsertedHandler,
              { provide: PRINCIPAL_REVOCATION, useClass: DirectoryRevocation },
            ]
          : []),
      ],
      exports: [CHASSIS_OPTIONS, ...(options.directory ? [DirectoryService, PRINCIPAL_REVOCATION] : [])],
    };
  }
}
