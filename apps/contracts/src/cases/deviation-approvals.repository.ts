import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DeviationApprovalRecord, DeviationApprovalState } from './case.record';

interface Row {
  request_id: string;
  case_id: string;
  terms_revision: number;
  status: DeviationApprovalState;
  deviations: unknown[];
  requested_by: string;
  requested_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  comment: string | null;
}

const toRecord = (r: Row): DeviationApprovalRecord => ({
  requestId: r.request_id,
  caseId: r.case_id,
  termsRevision: r.terms_revision,
  status: r.status,
  deviations: r.deviations,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  comment: r.comment,
});

/** The approval requests this service asked for terms deviations, and what came back. */
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
    await manager.query(
      `INSERT INTO deviation_approval (request_id, case_id, terms_revision, status, deviations, requested_by, requested_at)
       VALUES ($1, $2, $3, 'pending', $4, $5, $6)`,
      [r.requestId, r.caseId, r.termsRevision, JSON.stringify(r.deviations), r.requestedBy, r.requestedAt],
    );
  }

  async find(requestId: string, manager?: EntityManager): Promise<DeviationApprovalRecord | null> {
    const rows = await this.db(manager).query<Row[]>('SELECT * FROM deviation_approval WHERE request_id = $1', [
      requestId,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The latest request of the case, whatever its state. */
  async latest(caseId: string, manager?: EntityManager): Promise<DeviationApprovalRecord | null> {
    const rows = await this.db(manager).query<Row[]>(
      'SELECT * FROM deviation_approval WHERE case_id = $1 ORDER BY requested_at DESC, terms_revision DESC LIMIT 1',
      [caseId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async pending(caseId: string, manager?: EntityManager): Promise<DeviationApprovalRecord | null> {
    const rows = await this.db(manager).query<Row[]>(
      `SELECT * FROM deviation_approval WHERE case_id = $1 AND status = 'pending'`,
      [caseId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
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
    const [, affected] = await manager.query<[unknown, number]>(
      `UPDATE deviation_approval SET status = $2, decided_at = $3, decided_by = $4, comment = $5
        WHERE request_id = $1 AND status = 'pending'`,
      [requestId, outcome.status, outcome.at, outcome.by, outcome.comment],
    );
    return affected === 1;
  }
}
