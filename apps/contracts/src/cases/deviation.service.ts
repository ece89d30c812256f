import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ApprovalDecidedPayload, ApprovalOutcomeValue, JobName } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { assertNever, describeDeviation, diffTerms } from '@dealgate/domain';
import { ContractCaseRecord, DeviationApprovalState } from './case.records';
import { CasesRepository } from './cases.repository';
import { DeviationApprovalsRepository } from './deviation-approvals.repository';

function settledState(outcome: ApprovalOutcomeValue): Exclude<DeviationApprovalState, 'pending'> {
  switch (outcome) {
    case 'approved':
      return 'approved';
    case 'rejected':
      return 'rejected';
    case 'recalled':
    case 'voided':
      return 'voided';
    default:
      return assertNever(outcome, 'approval outcome');
  }
}

const totalMajor = (c: ContractCaseRecord): number =>
  c.terms.items.reduce((sum, i) => sum + i.quantity * i.unitPriceMinor, 0) / 100;

/** Terms deviations go to the approvals service; only the answer for the current terms revision counts. */
@Injectable()
export class DeviationService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly approvals: DeviationApprovalsRepository,
  ) {}

  /** Asks approval of the case's current deviations (the caller checked there are some and none is pending). */
  async request(manager: EntityManager, c: ContractCaseRecord, requesterId: string, now: Date): Promise<string> {
    const deviations = diffTerms(c.baseline, c.terms);
    const requestId = randomUUID();
    await this.approvals.insertPending(manager, {
      requestId,
      caseId: c.id,
      termsRevision: c.termsRevision,
      deviations,
      requestedBy: requesterId,
      requestedAt: now,
    });
    await emitJob(manager, JobName.ApprovalRequested, {
      requestId,
      subjectKind: 'contract_deviation',
      subjectId: c.id,
      subjectVersion: c.termsRevision,
      requesterId,
      unitId: c.unitId,
      amount: totalMajor(c),
      discountPercent: c.terms.discountPercent,
      snapshot: {
        caseId: c.id,
        prospectId: c.prospectId,
        offerId: c.offerId,
        termsRevision: c.termsRevision,
        deviations,
        summary: deviations.map(describeDeviation),
      },
      requestedAt: now.toISOString(),
    });
    return requestId;
  }

  /** Voids the pending request of a case, if any (its terms changed): tells the approvals service. */
  async voidPending(manager: EntityManager, caseId: string, reason: string, now: Date): Promise<void> {
    const pending = await this.approvals.pending(caseId, manager);
    if (!pending) return;
    if (
      await this.approvals.settle(manager, pending.requestId, { status: 'voided', at: now, by: null, comment: reason })
    ) {
      await emitJob(manager, JobName.ApprovalVoided, { requestId: pending.requestId, reason });
    }
  }

  /** Applies a decision to the request it answers, if that request is still pending and about the current terms. */
  async decided(manager: EntityManager, p: ApprovalDecidedPayload): Promise<void> {
    const request = await this.approvals.find(p.requestId, manager);
    if (!request || request.caseId !== p.subjectId || request.status !== 'pending') return;
    const c = await this.cases.lock(manager, request.caseId);
    // A decision about an older revision approves terms nobody is signing any more.
    if (!c || p.subjectVersion !== request.termsRevision || c.termsRevision !== request.termsRevision) return;
    await this.approvals.settle(manager, request.requestId, {
      status: settledState(p.outcome),
      at: new Date(p.decidedAt),
      by: p.decidedBy,
      comment: p.comment,
    });
  }
}
