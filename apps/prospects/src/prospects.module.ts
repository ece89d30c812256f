import { DynamicModule, Module } from '@nestjs/common';
import { ChassisModule } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { QueueSettings } from '@dealgate/messaging';
import { ProspectsEnv } from './prospects.env';
import { PROSPECTS_MIGRATIONS } from './migrations';

@Module({})
export class ProspectsModule {
  static forRoot(config: ProspectsEnv, queue: QueueSettings): DynamicModule {
    return {
      module: ProspectsModule,
      imports: [
        ChassisModule.forService({
          service: ServiceName.Prospects,
          config,
          queue,
          entities: [],
          migrations: PROSPECTS_MIGRATIONS,
          handlers: [],
          directory: true,
        }),
      ],
    };
  }
}
