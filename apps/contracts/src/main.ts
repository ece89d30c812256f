import { runServiceMain } from '@dealgate/chassis';
import { contractsService } from './contracts.service-definition';

runServiceMain(contractsService);
