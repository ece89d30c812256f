import { runServiceMain } from '@dealgate/chassis';
import { gatewayService } from './gateway.service-definition';

runServiceMain(gatewayService);
