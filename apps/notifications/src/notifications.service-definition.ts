import { ServiceDefinition } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { NotificationsEnv } from './notifications.env';
import { NotificationsModule } from './notifications.module';

export const notificationsService: ServiceDefinition<NotificationsEnv> = {
  service: ServiceName.Notifications,
  envClass: NotificationsEnv,
  module: (config, queue) => NotificationsModule.forRoot(config, queue),
};
