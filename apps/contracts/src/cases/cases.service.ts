import { Injectable } from '@nestjs/common';
import { Principal } from '@dealgate/auth';
import { Clock, Page, parseSort, toPage } from '@dealgate/common';
import { ContractActorService } from '../access/contract-actor.service';
import { TasksRepository } from '../tasks/tasks.repository';
import { guardCase } from './case-guard';
import { caseVisibilityOf } from './case-visibility';
import { CaseSummaryView, CaseView, toCaseSummary, toCaseView } from './case.view';
import { CaseListQuery, CaseSortField } from './cases.dto';
import { CasesRepository } from './cases.repository';
import { DeviationApprovalsRepository } from './deviation-approvals.repository';

/** Reading cases: one case with its diff, tasks and signing state; lists limited to what the viewer may see. */
@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly tasks: TasksRepository,
    private readonly approvals: DeviationApprovalsRepository,
    private readonly actors: ContractActorService,
    private readonly clock: Clock,
  ) {}

  async get(user: Principal, id: string): Promise<CaseView> {
    const actor = await this.actors.actorFor(user);
    const { contractCase, level } = guardCase(actor, await this.cases.find(id), id, 'read');
    const [tasks, latest] = await Promise.all([this.tasks.forCase(id), this.approvals.latest(id)]);
    return toCaseView(contractCase, tasks, latest, level, this.clock.now());
  }

  async list(user: Principal, query: CaseListQuery): Promise<Page<CaseSummaryView>> {
    const actor = await this.actors.actorFor(user);
    const { items, total } = await this.cases.list(
      caseVisibilityOf(actor),
      query,
      { limit: query.limit, offset: query.offset, sort: parseSort<CaseSortField>(query.sort) },
      this.clock.now(),
    );
    return toPage(
      items.map((i) =>
        toCaseSummary(i.record, {
          nextDueAt: i.nextDueAt ? i.nextDueAt.toISOString() : null,
          overdueTasks: i.overdueTasks,
        }),
      ),
      total,
      query,
    );
  }
}
