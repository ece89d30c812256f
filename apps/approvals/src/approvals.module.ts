import { DynamicModule, Module } from '@nestjs/common';
import { ChassisModule } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { QueueSettings } from '@dealgate/messaging';
import { ApprovalsEnv } from './approvals.env';
import { APPROVALS_MIGRATIONS } from './migrations';

@Module({})
export class ApprovalsModule {
  static forRoot(config: ApprovalsEnv, queue: QueueSettings): DynamicModule {
    return {
      module: ApprovalsModule,
      imports: [
        ChassisModule.forService({
          service: ServiceName.Approvals,
          config,
          queue,
          entities: [],
          migrations: APPROVALS_MIGRATIONS,
          handlers: [],
          directory: true,
        }),
      ],
    };
  }
}
