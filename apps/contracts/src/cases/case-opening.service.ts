import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '@dealgate/common';
import { termsSnapshotOf } from '@dealgate/domain';
import { JobName, OfferDefendedPayload } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { TaskReleaseService } from '../tasks/task-release.service';
import { TasksDuePublisher } from '../tasks/tasks-due.publisher';
import { TasksRepository } from '../tasks/tasks.repository';
import { TemplatesRepository } from '../templates/templates.repository';
import { CasesRepository } from './cases.repository';

/** Opens the contract case of a defended offer with its task graph from the current templates. */
@Injectable()
export class CaseOpeningService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly tasks: TasksRepository,
    private readonly templates: TemplatesRepository,
    private readonly release: TaskReleaseService,
    private readonly tasksDue: TasksDuePublisher,
    private readonly clock: Clock,
  ) {}

  /** Returns the new case id, or null when the offer already has a case (a second delivery of the defence). */
  async open(manager: EntityManager, p: OfferDefendedPayload): Promise<string | null> {
    const openedAt = this.clock.now();
    const caseId = randomUUID();
    const inserted = await this.cases.insertIfAbsent(manager, {
      id: caseId,
      offerId: p.offerId,
      prospectId: p.prospectId,
      defenceId: p.defenceId,
      salespersonId: p.salespersonId,
      unitId: p.unitId,
      productLineId: p.productLineId,
      companyName: p.companyName ?? null,
      baseline: termsSnapshotOf(p.terms),
      terms: termsSnapshotOf(p.terms),
      defendedAt: new Date(p.defendedAt),
      openedAt,
    });
    if (!inserted) return null;
    const { templates } = await this.templates.current(manager);
    await this.tasks.insert(
      manager,
      templates.map((t, position) => ({
        id: randomUUID(),
        caseId,
        key: t.key,
        title: t.title,
        group: t.group,
        dependsOn: [...t.dependsOn],
        dueDays: t.dueDays,
        required: t.required,
        position,
        createdAt: openedAt,
      })),
    );
    await emitJob(manager, JobName.ContractOpened, {
      caseId,
      prospectId: p.prospectId,
      offerId: p.offerId,
      salespersonId: p.salespersonId,
      unitId: p.unitId,
      openedAt: openedAt.toISOString(),
    });
    await this.release.release(manager, caseId, openedAt);
    await this.tasksDue.publish(manager, { id: caseId, prospectId: p.prospectId, openedAt });
    return caseId;
  }
}
