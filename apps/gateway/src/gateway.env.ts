import { IsUrl } from 'class-validator';
import { ServiceEnv } from '@dealgate/common';

const url = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class GatewayEnv extends ServiceEnv {
  override PORT = 3000;
  /** The gateway is the one public origin. */
  override HOST = '0.0.0.0';

  @IsUrl(url)
  PROSPECTS_URL = 'http://127.0.0.1:3001';

  @IsUrl(url)
  APPROVALS_URL = 'http://127.0.0.1:3002';

  @IsUrl(url)
  CONTRACTS_URL = 'http://127.0.0.1:3003';

  @IsUrl(url)
  NOTIFICATIONS_URL = 'http://127.0.0.1:3004';
}
