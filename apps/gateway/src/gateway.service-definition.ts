import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ServiceDefinition } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { GatewayEnv } from './gateway.env';
import { GatewayModule } from './gateway.module';
import { gatewayStatusForCode } from './gateway.status';
import { isProxiedPath, mountServiceProxies } from './routing/proxy';
import { serviceUrls } from './routing/service-routes';
import { mountApiKeyAuthentication } from './security/api-key.middleware';
import { enableConsoleCors } from './security/cors';
import { mountRevokedTokenCheck } from './security/revoked-token.middleware';
import { mountMetricsScrapeToken } from './security/metrics-scrape';
import { mountProxyRateLimit } from './security/proxy-rate-limit';
import { mountConsole } from './system/console-static';
import { mountMergedDocs } from './system/merged-docs';
import { mountSystemHealth } from './system/system-health';
import openapiMetadata from './openapi.metadata';

/** The gateway reaches itself (own health, own OpenAPI part) on the port it actually listens on. */
function selfUrl(app: NestExpressApplication): () => string {
  return () => `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

export const gatewayService: ServiceDefinition<GatewayEnv> = {
  service: ServiceName.Gateway,
  envClass: GatewayEnv,
  module: (config, queue) => GatewayModule.forRoot(config, queue),
  app: {
    openapiMetadata,
    docs: { jsonDocumentUrl: 'api/docs/gateway-json', swaggerUrl: '/api/docs-json' },
    statusForCode: gatewayStatusForCode,
    beforeBodyParsing: (app, config) => {
      const env = config as GatewayEnv;
      const urls = serviceUrls(env);
      enableConsoleCors(app, env, selfUrl(app));
      mountMetricsScrapeToken(app);
      mountSystemHealth(app, selfUrl(app), urls);
      mountMergedDocs(app, selfUrl(app), urls);
      mountApiKeyAuthentication(app);
      mountRevokedTokenCheck(app);
      mountProxyRateLimit(app, isProxiedPath);
      mountServiceProxies(app, urls);
      mountConsole(app, env.CONSOLE_DIR);
    },
  },
};
