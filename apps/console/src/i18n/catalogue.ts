// Every feature's catalogue, one i18next namespace each. A feature adds its messages file here.
import { commonMessages } from './common.messages';
import { sessionMessages } from '../features/session/messages';
import { homeMessages } from '../features/home/messages';
import { notificationsMessages } from '../features/notifications/messages';
import { samplesMessages } from '../features/samples/messages';
import { boardMessages } from '../features/board/messages';
import { prospectsMessages } from '../features/prospects/messages';
import { briefsMessages } from '../features/briefs/messages';
import { offersMessages } from '../features/offers/messages';
import { approvalsMessages } from '../features/approvals/messages';
import { contractsMessages } from '../features/contracts/messages';
import { tasksMessages } from '../features/tasks/messages';
import { dashboardsMessages } from '../features/dashboards/messages';
import { adminMessages } from '../features/admin/messages';
import { adminOrgMessages } from '../features/admin-org/messages';
import { adminWorkflowMessages } from '../features/admin-workflow/messages';
import { adminOpsMessages } from '../features/admin-ops/messages';

export const catalogue = {
  common: commonMessages,
  session: sessionMessages,
  home: homeMessages,
  notifications: notificationsMessages,
  samples: samplesMessages,
  board: boardMessages,
  prospects: prospectsMessages,
  briefs: briefsMessages,
  offers: offersMessages,
  approvals: approvalsMessages,
  contracts: contractsMessages,
  tasks: tasksMessages,
  dashboards: dashboardsMessages,
  admin: adminMessages,
  adminOrg: adminOrgMessages,
  adminWorkflow: adminWorkflowMessages,
  adminOps: adminOpsMessages,
} as const;

export type Namespace = keyof typeof catalogue;
export const LANGUAGES = ['en', 'hu'] as const;
export type Language = (typeof LANGUAGES)[number];
