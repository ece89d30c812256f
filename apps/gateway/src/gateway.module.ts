import { DynamicModule, Module } from '@nestjs/common';
import { ChassisModule } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { QueueSettings } from '@dealgate/messaging';
import { GatewayEnv } from './gateway.env';
import { GATEWAY_MIGRATIONS } from './migrations';
import { PingController } from './system/ping.controller';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayEnv, queue: QueueSettings): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ChassisModule.forService({
          service: ServiceName.Gateway,
          config,
          queue,
          entities: [],
          migrations: GATEWAY_MIGRATIONS,
          handlers: [],
        }),
      ],
      controllers: [PingController],
    };
  }
}
