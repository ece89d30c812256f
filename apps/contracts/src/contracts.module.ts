import { DynamicModule, Module } from '@nestjs/common';
import { ChassisModule } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { QueueSettings } from '@dealgate/messaging';
import { ContractsEnv } from './contracts.env';
import { CONTRACTS_MIGRATIONS } from './migrations';

@Module({})
export class ContractsModule {
  static forRoot(config: ContractsEnv, queue: QueueSettings): DynamicModule {
    return {
      module: ContractsModule,
      imports: [
        ChassisModule.forService({
          service: ServiceName.Contracts,
          config,
          queue,
          entities: [],
          migrations: CONTRACTS_MIGRATIONS,
          handlers: [],
          directory: true,
        }),
      ],
    };
  }
}
