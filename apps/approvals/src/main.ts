import { runServiceMain } from '@dealgate/chassis';
import { approvalsService } from './approvals.service-definition';

runServiceMain(approvalsService);
