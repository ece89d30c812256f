import { ServiceDefinition } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { analyticsStatusForCode } from './analytics/analytics-status';
import { ProspectsEnv } from './prospects.env';
import { ProspectsModule } from './prospects.module';
import { prospectsStatusForCode } from './shared/status-map';

export const prospectsService: ServiceDefinition<ProspectsEnv> = {
  service: ServiceName.Prospects,
  envClass: ProspectsEnv,
  module: (config, queue) => ProspectsModule.forRoot(config, queue),
  app: { statusForCode: (code) => prospectsStatusForCode(code) ?? analyticsStatusForCode(code) },
};
