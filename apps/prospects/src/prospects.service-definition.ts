import { ServiceDefinition } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { analyticsStatusForCode } from './analytics/analytics-status';
import { ProspectsEnv } from './prospects.env';
import { ProspectsModule } from './prospects.module';
import { prospectsStatusForCode } from './shared/status-map';
import openapiMetadata from './openapi.metadata';

export const prospectsService: ServiceDefinition<ProspectsEnv> = {
  service: ServiceName.Prospects,
  envClass: ProspectsEnv,
  module: (config, queue) => ProspectsModule.forRoot(config, queue),
  app: {
    openapiMetadata,
    statusForCode: (code) => prospectsStatusForCode(code) ?? analyticsStatusForCode(code),
  },
};
