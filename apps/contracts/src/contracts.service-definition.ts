import { ServiceDefinition } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { ContractsEnv } from './contracts.env';
import { ContractsModule } from './contracts.module';
import { contractsStatusForCode } from './contracts.status';
import openapiMetadata from './openapi.metadata';

export const contractsService: ServiceDefinition<ContractsEnv> = {
  service: ServiceName.Contracts,
  envClass: ContractsEnv,
  module: (config, queue) => ContractsModule.forRoot(config, queue),
  app: {
    openapiMetadata,
    statusForCode: contractsStatusForCode,
  },
};
