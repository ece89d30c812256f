import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '@dealgate/auth';
import { Clock } from '@dealgate/common';
import { HANDOVER_TASK_TEMPLATE, assertCanSign } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { ContractActorService } from '../access/contract-actor.service';
import { TaskReleaseService } from '../tasks/task-release.service';
import { TasksRepository } from '../tasks/tasks.repository';
import { gateApproval } from './case.view';
import { guardCase } from './case-guard';
import { SignContractDto } from './cases.dto';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CaseView } from './case.view';
import { DeviationApprovalsRepository } from './deviation-approvals.repository';

/** Signing closes the contract stage: the prospect is won and delivery gets the handover task. */
@Injectable()
export class SigningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly tasks: TasksRepository,
    private readonly approvals: DeviationApprovalsRepository,
    private readonly release: TaskReleaseService,
    private readonly actors: ContractActorService,
    private readonly clock: Clock,
    private readonly views: CasesService,
  ) {}

  async sign(user: Principal, id: string, dto: SignContractDto): Promise<CaseView> {
    await this.dataSource.transaction(async (manager) => {
      const actor = await this.actors.actorFor(user, manager);
      const locked = await this.cases.lock(manager, id);
      // A signed case is frozen (read-only) for everyone: signing it again answers "already signed" (409).
      const { contractCase: c } = guardCase(actor, locked, id, locked?.signedAt ? 'read' : 'write');
      const tasks = await this.tasks.forCase(id, manager);
      assertCanSign({
        signedAt: c.signedAt,
        tasks: tasks.map((t) => ({ key: t.key, title: t.title, required: t.required, status: t.status })),
        baseline: c.baseline,
        terms: c.terms,
        termsRevision: c.termsRevision,
        deviationApproval: gateApproval(await this.approvals.latest(id, manager)),
      });
      const now = this.clock.now();
      const signatories = dto.signatories.map((s) => ({
        name: s.name.trim(),
        party: s.party,
        position: s.position?.trim() || null,
      }));
      await this.cases.markSigned(manager, id, {
        at: now,
        on: dto.signedOn ?? now.toISOString().slice(0, 10),
        by: actor.userId,
        signatories,
      });
      await emitJob(manager, JobName.ContractSigned, {
        caseId: id,
        prospectId: c.prospectId,
        offerId: c.offerId,
        salespersonId: c.salespersonId,
        unitId: c.unitId,
        signedAt: now.toISOString(),
        signedBy: actor.userId,
      });
      const handover = HANDOVER_TASK_TEMPLATE;
      await this.tasks.insert(manager, [
        {
          id: randomUUID(),
          caseId: id,
          key: handover.key,
          title: handover.title,
          group: handover.group,
          dependsOn: [],
          dueDays: handover.dueDays,
          required: handover.required,
          position: tasks.length,
          createdAt: now,
        },
      ]);
      await this.release.release(manager, id, c.openedAt);
    });
    return this.views.get(user, id);
  }
}
