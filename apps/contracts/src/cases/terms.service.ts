import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@dealgate/auth';
import { Clock } from '@dealgate/common';
import { DomainError, assertValidTerms, diffTerms, termsSnapshotOf } from '@dealgate/domain';
import { ContractActorService } from '../access/contract-actor.service';
import { guardCase } from './case-guard';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CaseView } from './case.view';
import { EditTermsDto } from './cases.dto';
import { DeviationApprovalsRepository } from './deviation-approvals.repository';
import { DeviationService } from './deviation.service';

/**
 * Legal and accounting edit the contract's terms. Every edit makes a new revision: it voids the pending approval
 * (it was about other terms) and, while the terms deviate from the baseline, asks approval of the new ones.
 */
@Injectable()
export class TermsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly approvals: DeviationApprovalsRepository,
    private readonly deviations: DeviationService,
    private readonly actors: ContractActorService,
    private readonly clock: Clock,
    private readonly views: CasesService,
  ) {}

  async edit(user: Principal, id: string, dto: EditTermsDto): Promise<CaseView> {
    const terms = termsSnapshotOf(dto.terms);
    await this.dataSource.transaction(async (manager) => {
      const actor = await this.actors.actorFor(user, manager);
      const { contractCase } = guardCase(actor, await this.cases.lock(manager, id), id, 'write');
      if (dto.revision !== contractCase.termsRevision) {
        throw new DomainError(
          'version_conflict',
          `The terms were edited meanwhile (revision ${contractCase.termsRevision}, yours ${dto.revision}): reload them and edit again.`,
        );
      }
      assertValidTerms(terms);
      // Saving the same terms again is not an edit: no new revision, the pending approval stands.
      if (diffTerms(contractCase.terms, terms).length === 0) return;
      const now = this.clock.now();
      await this.cases.updateTerms(manager, id, terms, actor.userId, now);
      const revision = contractCase.termsRevision + 1;
      await this.deviations.voidPending(manager, id, `The terms were edited (revision ${revision}).`, now);
      if (diffTerms(contractCase.baseline, terms).length > 0) {
        await this.deviations.request(manager, { ...contractCase, terms, termsRevision: revision }, actor.userId, now);
      }
    });
    return this.views.get(user, id);
  }

  /** Asks approval again for the current terms, e.g. after a rejection or a recalled request. */
  async requestApproval(user: Principal, id: string): Promise<CaseView> {
    await this.dataSource.transaction(async (manager) => {
      const actor = await this.actors.actorFor(user, manager);
      const { contractCase } = guardCase(actor, await this.cases.lock(manager, id), id, 'write');
      if (diffTerms(contractCase.baseline, contractCase.terms).length === 0) {
        throw new DomainError(
          'conflict',
          'The terms do not deviate from the approved offer: there is nothing to approve.',
        );
      }
      const latest = await this.approvals.latest(id, manager);
      if (
        latest &&
        latest.termsRevision === contractCase.termsRevision &&
        ['pending', 'approved'].includes(latest.status)
      ) {
        throw new DomainError(
          'conflict',
          `The current terms are already ${latest.status === 'pending' ? 'awaiting approval' : 'approved'}.`,
        );
      }
      await this.deviations.request(manager, contractCase, actor.userId, this.clock.now());
    });
    return this.views.get(user, id);
  }
}
