import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { DeviationApprovalRecord, DeviationApprovalState } from './case.records';
import { DeviationApprovalEntity } from './deviation-approval.entity';

const toRecord = (e: DeviationApprovalEntity): DeviationApprovalRecord => ({
  requestId: e.requestId,
  caseId: e.caseId,
  termsRevision: e.termsRevision,
  status: e.status,
  deviations: e.deviations,
  requestedBy: e.requestedBy,
  requestedAt: e.requestedAt,
  decidedAt: e.decidedAt,
  decidedBy: e.decidedBy,
  comment: e.comment,
});

const orNull = (e: DeviationApprovalEntity | null) => (e === null ? null : toRecord(e));

/**
 * The approval requests this service asked for terms deviations, and what came back. Entities stay in here: callers
 * give and get records (case.records.ts).
 */
@Injectable()
export class DeviationApprovalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async insertPending(
    manager: EntityManager,
    r: Omit<DeviationApprovalRecord, 'status' | 'decidedAt' | 'decidedBy' | 'comment'>,
  ) {
    const row: DeviationApprovalEntity = {
      requestId: r.requestId,
      caseId: r.caseId,
      termsRevision: r.termsRevision,
      status: 'pending',
      deviations: r.deviations,
      requestedBy: r.requestedBy,
      requestedAt: r.requestedAt,
      decidedAt: null,
      decidedBy: null,
      comment: null,
    };
    await manager
      .createQueryBuilder()
      .insert()
      .into(DeviationApprovalEntity)
      // The cast: the query builder's deep-partial type does not take an open jsonb list (deviations).
      .values(row as QueryDeepPartialEntity<DeviationApprovalEntity>)
      .updateEntity(false)
      .execute();
  }

  async find(requestId: string, manager?: EntityManager): Promise<DeviationApprovalRecord | null> {
    return orNull(await this.db(manager).findOneBy(DeviationApprovalEntity, { requestId }));
  }

  /** The latest request of the case, whatever its state. */
  async latest(caseId: string, manager?: EntityManager): Promise<DeviationApprovalRecord | null> {
    return orNull(
      await this.db(manager).findOne(DeviationApprovalEntity, {
        where: { caseId },
        order: { requestedAt: 'DESC', termsRevision: 'DESC' },
      }),
    );
  }

  async pending(caseId: string, manager?: EntityManager): Promise<DeviationApprovalRecord | null> {
    return orNull(await this.db(manager).findOneBy(DeviationApprovalEntity, { caseId, status: 'pending' }));
  }

  /** Settles a pending request; false when it was no longer pending (a late or repeated answer). */
  async settle(
    manager: EntityManager,
    requestId: string,
    outcome: {
      status: Exclude<DeviationApprovalState, 'pending'>;
      at: Date;
      by: string | null;
      comment: string | null;
    },
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(DeviationApprovalEntity)
      .set({ status: outcome.status, decidedAt: outcome.at, decidedBy: outcome.by, comment: outcome.comment })
      .where({ requestId, status: 'pending' })
      .execute();
    return result.affected === 1;
  }
}
