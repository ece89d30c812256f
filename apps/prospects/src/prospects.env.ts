import { ServiceEnv } from '@dealgate/common';

export class ProspectsEnv extends ServiceEnv {
  override PORT = 3001;
}
