import { DynamicModule } from '@nestjs/common';
import { ConfigError, ServiceEnv, loadConfig } from '@dealgate/common';
import { ServiceName } from '@dealgate/messages';
import { QueueSettings, installQueueBackend, queueSettings } from '@dealgate/messaging';
import { ServiceAppOptions, createServiceApp, listen } from './bootstrap';

export interface ServiceDefinition<E extends ServiceEnv> {
  service: ServiceName;
  envClass: new () => E;
  module: (config: E, queue: QueueSettings) => DynamicModule;
  app?: Omit<ServiceAppOptions, 'service' | 'config'>;
}

/** Boots one service from an environment: config, queue backend, app. Used by main.ts and by the tests. */
export async function startService<E extends ServiceEnv>(
  definition: ServiceDefinition<E>,
  env: Record<string, string | undefined> = process.env,
) {
  const config = loadConfig(definition.envClass, env);
  const queue = queueSettings(config);
  await installQueueBackend(queue, config.DATABASE_URL);
  const app = await createServiceApp(definition.module(config, queue), {
    ...definition.app,
    service: definition.service,
    config,
  });
  const url = await listen(app, config, definition.service);
  return { app, url, config };
}

/** main.ts of every service: start, or print why not and exit non-zero. */
export function runServiceMain<E extends ServiceEnv>(definition: ServiceDefinition<E>): void {
  // Started by the launcher with an IPC channel: when the launcher is gone, shut down gracefully, never linger.
  if (process.send) process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  startService(definition).catch((error: unknown) => {
    const message =
      error instanceof ConfigError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`${definition.service} failed to start: ${message}\n`);
    process.exit(1);
  });
}
