import { ServiceEnv } from '@dealgate/common';

export class NotificationsEnv extends ServiceEnv {
  override PORT = 3004;
}
