import { ServiceDefinition } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { ProspectsEnv } from './prospects.env';
import { ProspectsModule } from './prospects.module';
import { prospectsStatusForCode } from './prospects.status';
import openapiMetadata from './openapi.metadata';

export const prospectsService: ServiceDefinition<ProspectsEnv> = {
  service: ServiceName.Prospects,
  envClass: ProspectsEnv,
  module: (config, queue) => ProspectsModule.forRoot(config, queue),
  app: {
    openapiMetadata,
    statusForCode: prospectsStatusForCode,
  },
};
