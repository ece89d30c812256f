import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ChassisModule } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { QueueSettings } from '@dealgate/messaging';
import { throttlerOptions } from './auth/rate-limits';
import { GatewayEnv } from './gateway.env';
import { IdentityModule } from './identity/identity.module';
import { GATEWAY_ENTITIES } from './gateway.entities';
import { GATEWAY_MIGRATIONS } from './migrations';
import { PingController } from './system/ping.controller';
import { SystemStatusController } from './system/system-status.controller';
import { SystemStatusService } from './system/system-status.service';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayEnv, queue: QueueSettings): DynamicModule {
    return {
      module: GatewayModule,
      global: true,
      imports: [
        ChassisModule.forService({
          service: ServiceName.Gateway,
          config,
          queue,
          entities: GATEWAY_ENTITIES,
          migrations: GATEWAY_MIGRATIONS,
        }),
        ThrottlerModule.forRoot(throttlerOptions(config)),
        IdentityModule,
      ],
      controllers: [PingController, SystemStatusController],
      providers: [
        { provide: GatewayEnv, useValue: config },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        SystemStatusService,
      ],
      exports: [GatewayEnv],
    };
  }
}
