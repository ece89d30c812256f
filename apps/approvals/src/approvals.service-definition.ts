import { ServiceDefinition } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { ApprovalsEnv } from './approvals.env';
import { ApprovalsModule } from './approvals.module';
import { approvalsStatusForCode } from './approvals.status';
import openapiMetadata from './openapi.metadata';

export const approvalsService: ServiceDefinition<ApprovalsEnv> = {
  service: ServiceName.Approvals,
  envClass: ApprovalsEnv,
  module: (config, queue) => ApprovalsModule.forRoot(config, queue),
  app: {
    openapiMetadata,
    statusForCode: approvalsStatusForCode,
  },
};
