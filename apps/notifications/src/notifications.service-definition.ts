import { ServiceDefinition } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { NotificationsEnv } from './notifications.env';
import { NotificationsModule } from './notifications.module';
import { notificationsStatusForCode } from './notifications.status';
import { streamTokenFromQuery } from './stream/stream-token.middleware';
import openapiMetadata from './openapi.metadata';

export const notificationsService: ServiceDefinition<NotificationsEnv> = {
  service: ServiceName.Notifications,
  envClass: NotificationsEnv,
  module: (config, queue) => NotificationsModule.forRoot(config, queue),
  app: {
    openapiMetadata,
    statusForCode: notificationsStatusForCode,
    beforeBodyParsing: (app) => app.use(streamTokenFromQuery),
  },
};
