import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ServiceDefinition } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { GatewayEnv } from './gateway.env';
import { GatewayModule } from './gateway.module';
import { mountServiceProxies } from './routing/proxy';
import { serviceUrls } from './routing/service-routes';
import { mountMergedDocs } from './system/merged-docs';
import { mountSystemHealth } from './system/system-health';

/** The gateway reaches itself (own health, own OpenAPI part) on the port it actually listens on. */
function selfUrl(app: NestExpressApplication): () => string {
  return () => `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

export const gatewayService: ServiceDefinition<GatewayEnv> = {
  service: ServiceName.Gateway,
  envClass: GatewayEnv,
  module: (config, queue) => GatewayModule.forRoot(config, queue),
  app: {
    docs: { jsonDocumentUrl: 'api/docs/gateway-json', swaggerUrl: '/api/docs-json' },
    beforeBodyParsing: (app, config) => {
      const urls = serviceUrls(config as GatewayEnv);
      mountSystemHealth(app, selfUrl(app), urls);
      mountMergedDocs(app, selfUrl(app), urls);
      mountServiceProxies(app, urls);
    },
  },
};
