import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ALL_SERVICES, ServiceName, queueNameOf } from '@dealgate/messages';
import { OutboxStatus, readOutboxStatus } from '@dealgate/messaging';
import { GatewayEnv } from '../gateway.env';
import { serviceUrls } from '../routing/service-routes';
import { buildInfo } from './build-info';
import { fetchJson } from './http-json';
import { checkSystemHealth } from './system-health';
import { HealthComponent, QueueStatus, ServiceStatus, SystemStatus } from './system-status.view';

const QUEUE_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Terminus' body names each check under `details` (both when up and when down). */
function componentsOf(details: unknown): HealthComponent[] {
  const checks = (details as { details?: Record<string, { status?: string }> } | null)?.details ?? {};
  return Object.entries(checks).map(([name, check]) => ({ name, status: check.status === 'up' ? 'up' : 'down' }));
}

const isOutboxStatus = (body: unknown): body is OutboxStatus =>
  typeof (body as OutboxStatus | null)?.unsent === 'number';

/**
 * What an admin checks first: every service's health (over HTTP, as /api/health reads it), every queue's counts
 * (BullMQ's getJobCounts, on Redis or the PostgreSQL backend alike, so a down service's backlog still shows), each
 * service's outbox backlog (its own admin endpoint, called with the caller's token: each service checks it itself),
 * and the build.
 */
@Injectable()
export class SystemStatusService {
  constructor(
    private readonly config: GatewayEnv,
    private readonly moduleRef: ModuleRef,
    private readonly adapterHost: HttpAdapterHost,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private selfUrl(): string {
    const address = (this.adapterHost.httpAdapter.getHttpServer() as Server).address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async status(authorization: string): Promise<SystemStatus> {
    const urls = serviceUrls(this.config);
    const [health, queues, outboxes] = await Promise.all([
      checkSystemHealth(this.selfUrl(), urls),
      Promise.all(ALL_SERVICES.map((service) => this.queueStatus(service))),
      Promise.all(
        ALL_SERVICES.map((service) =>
          service === ServiceName.Gateway
            ? readOutboxStatus(this.dataSource).catch(() => null)
            : this.remoteOutbox(urls[service], authorization),
        ),
      ),
    ]);
    const services: ServiceStatus[] = ALL_SERVICES.map((service, i) => ({
      service,
      status: health.services[service]?.status ?? 'down',
      components: componentsOf(health.services[service]?.details),
      outbox: outboxes[i],
    }));
    const degraded = services.some((s) => s.status === 'down') || queues.some((q) => q.error !== null);
    return {
      status: degraded ? 'degraded' : 'ok',
      checkedAt: new Date().toISOString(),
      services,
      queues,
      build: buildInfo(this.config.BUILD_ID),
    };
  }

  private async remoteOutbox(base: string, authorization: string): Promise<OutboxStatus | null> {
    const answer = await fetchJson(`${base}/api/ops/outbox`, 2000, { authorization });
    return answer?.status === 200 && isOutboxStatus(answer.body) ? answer.body : null;
  }

  private async queueStatus(service: ServiceName): Promise<QueueStatus> {
    const name = queueNameOf(service);
    try {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      const counts = await withTimeout(queue.getJobCounts('waiting', 'active', 'delayed', 'failed'), QUEUE_TIMEOUT_MS);
      return {
        name,
        service,
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
        error: null,
      };
    } catch (error) {
      const none = { waiting: null, active: null, delayed: null, failed: null };
      return { name, service, ...none, error: (error as Error).message };
    }
  }
}
