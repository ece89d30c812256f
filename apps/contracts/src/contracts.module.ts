import { DynamicModule, Module } from '@nestjs/common';
import { ChassisModule } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { QueueSettings } from '@dealgate/messaging';
import { ContractActorService } from './access/contract-actor.service';
import { GroupMembersService } from './access/group-members.service';
import { ApprovalDecidedHandler } from './cases/approval-decided.handler';
import { CaseOpeningService } from './cases/case-opening.service';
import { CasesController } from './cases/cases.controller';
import { CasesRepository } from './cases/cases.repository';
import { CasesService } from './cases/cases.service';
import { DeviationApprovalsRepository } from './cases/deviation-approvals.repository';
import { DeviationService } from './cases/deviation.service';
import { OfferDefendedHandler } from './cases/offer-defended.handler';
import { SigningService } from './cases/signing.service';
import { TermsService } from './cases/terms.service';
import { ContractsEnv } from './contracts.env';
import { CONTRACTS_ENTITIES } from './contracts.entities';
import { CONTRACTS_MIGRATIONS } from './migrations';
import { OverdueTasksSweep } from './tasks/overdue.sweep';
import { TaskCommandsService } from './tasks/task-commands.service';
import { TaskQueriesService } from './tasks/task-queries.service';
import { TaskReleaseService } from './tasks/task-release.service';
import { TasksDuePublisher } from './tasks/tasks-due.publisher';
import { TasksController } from './tasks/tasks.controller';
import { TasksRepository } from './tasks/tasks.repository';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesRepository } from './templates/templates.repository';
import { TemplatesService } from './templates/templates.service';

const REPOSITORIES = [CasesRepository, DeviationApprovalsRepository, TasksRepository, TemplatesRepository];
const SERVICES = [
  ContractActorService,
  GroupMembersService,
  TaskReleaseService,
  TasksDuePublisher,
  CaseOpeningService,
  DeviationService,
  TemplatesService,
  CasesService,
  TermsService,
  SigningService,
  TaskQueriesService,
  TaskCommandsService,
];
const HANDLERS = [OfferDefendedHandler, ApprovalDecidedHandler];
const SWEEPS = [OverdueTasksSweep];

@Module({})
export class ContractsModule {
  static forRoot(config: ContractsEnv, queue: QueueSettings): DynamicModule {
    return {
      module: ContractsModule,
      imports: [
        ChassisModule.forService({
          service: ServiceName.Contracts,
          config,
          queue,
          entities: CONTRACTS_ENTITIES,
          migrations: CONTRACTS_MIGRATIONS,
          sweeps: SWEEPS,
          directory: true,
        }),
      ],
      // Templates first: `contracts/task-templates` must not be taken for a case id.
      controllers: [TemplatesController, CasesController, TasksController],
      // Job handlers (marked @HandlesJob) and sweeps are providers of this module; the messaging runtime finds them here.
      providers: [...REPOSITORIES, ...SERVICES, ...HANDLERS, ...SWEEPS],
    };
  }
}
