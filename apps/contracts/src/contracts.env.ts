import { ServiceEnv } from '@dealgate/common';

export class ContractsEnv extends ServiceEnv {
  override PORT = 3003;
}
