import type { NestExpressApplication } from '@nestjs/platform-express';
import { startService } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { approvalsService } from '../../apps/approvals/src/approvals.service-definition';
import { contractsService } from '../../apps/contracts/src/contracts.service-definition';
import { gatewayService } from '../../apps/gateway/src/gateway.service-definition';
import { notificationsService } from '../../apps/notifications/src/notifications.service-definition';
import { prospectsService } from '../../apps/prospects/src/prospects.service-definition';

export interface RunningSystem {
  gatewayUrl: string;
  urls: Record<ServiceName, string>;
  apps: Record<ServiceName, NestExpressApplication>;
  stop(): Promise<void>;
}

/** All five services in this process, on free ports, wired to each other as `npm start` wires them. */
export async function startSystem(env: Record<string, string | undefined>): Promise<RunningSystem> {
  const [prospects, approvals, contracts, notifications] = await Promise.all([
    startService(prospectsService, env),
    startService(approvalsService, env),
    startService(contractsService, env),
    startService(notificationsService, env),
  ]);
  const gateway = await startService(gatewayService, {
    ...env,
    PROSPECTS_URL: prospects.url,
    APPROVALS_URL: approvals.url,
    CONTRACTS_URL: contracts.url,
    NOTIFICATIONS_URL: notifications.url,
  });
  const started = { gateway, prospects, approvals, contracts, notifications };
  return {
    gatewayUrl: gateway.url,
    urls: Object.fromEntries(Object.entries(started).map(([k, v]) => [k, v.url])) as Record<ServiceName, string>,
    apps: Object.fromEntries(Object.entries(started).map(([k, v]) => [k, v.app])) as Record<
      ServiceName,
      NestExpressApplication
    >,
    async stop() {
      // A test may have closed one service on purpose already.
      await Promise.all(Object.values(started).map((s) => s.app.close().catch(() => undefined)));
    },
  };
}
