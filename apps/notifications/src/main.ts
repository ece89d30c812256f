import { runServiceMain } from '@dealgate/chassis';
import { notificationsService } from './notifications.service-definition';

runServiceMain(notificationsService);
