import { runServiceMain } from '@dealgate/chassis';
import { prospectsService } from './prospects.service-definition';

runServiceMain(prospectsService);
