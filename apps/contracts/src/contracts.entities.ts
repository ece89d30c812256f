import { ContractCaseEntity } from './cases/case.entity';
import { DeviationApprovalEntity } from './cases/deviation-approval.entity';
import { OverdueNoticeEntity } from './tasks/overdue-notice.entity';
import { TaskCommentEntity } from './tasks/task-comment.entity';
import { TaskDocumentEntity } from './tasks/task-document.entity';
import { ContractTaskEntity } from './tasks/task.entity';
import { TaskEventEntity } from './tasks/task-event.entity';
import { TaskTemplateSetEntity } from './templates/template-set.entity';

/**
 * The entities registered with the service's data source (contracts.module.ts). Mappings only: the migrations build
 * the tables, and tools/migrations/entities-match-schema.int-spec.ts checks this list against what they build.
 */
export const CONTRACTS_ENTITIES = [
  ContractCaseEntity,
  DeviationApprovalEntity,
  ContractTaskEntity,
  TaskEventEntity,
  TaskCommentEntity,
  TaskDocumentEntity,
  OverdueNoticeEntity,
  TaskTemplateSetEntity,
];
