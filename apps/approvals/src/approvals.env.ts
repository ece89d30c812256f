import { ServiceEnv } from '@dealgate/common';

export class ApprovalsEnv extends ServiceEnv {
  override PORT = 3002;
}
