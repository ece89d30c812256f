import { DynamicModule, Module } from '@nestjs/common';
import { ChassisModule } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { QueueSettings } from '@dealgate/messaging';
import { NotificationsEnv } from './notifications.env';
import { NOTIFICATIONS_MIGRATIONS } from './migrations';

@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsEnv, queue: QueueSettings): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        ChassisModule.forService({
          service: ServiceName.Notifications,
          config,
          queue,
          entities: [],
          migrations: NOTIFICATIONS_MIGRATIONS,
          handlers: [],
          directory: true,
        }),
      ],
    };
  }
}
