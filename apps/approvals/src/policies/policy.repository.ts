import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalPolicy, ApprovalPolicyStep, ApprovalSubjectKind } from '@dealgate/domain';
import { StoredPolicy } from './policy.view';
export { StoredPolicy };

interface PolicyRow {
  subject_kind: ApprovalSubjectKind;
  steps: ApprovalPolicyStep[];
  version: number;
  updated_at: Date;
  updated_by: string | null;
}

const toStored = (r: PolicyRow): StoredPolicy => ({
  policy: { subjectKind: r.subject_kind, steps: r.steps },
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
  updatedBy: r.updated_by,
});

/** Approval policies as data, one per subject kind, versioned for optimistic edits. */
@Injectable()
export class PolicyRepository {
  async all(manager: EntityManager): Promise<StoredPolicy[]> {
    const rows = await manager.query<PolicyRow[]>('SELECT * FROM approval_policy ORDER BY subject_kind');
    return rows.map(toStored);
  }

  async find(manager: EntityManager, kind: ApprovalSubjectKind): Promise<StoredPolicy | null> {
    const rows = await manager.query<PolicyRow[]>('SELECT * FROM approval_policy WHERE subject_kind = $1', [kind]);
    return rows[0] ? toStored(rows[0]) : null;
  }

  /** Replaces the steps when the stored version is still `expectedVersion`; null on a version conflict. */
  async replace(
    manager: EntityManager,
    policy: ApprovalPolicy,
    expectedVersion: number,
    by: string,
    at: Date,
  ): Promise<StoredPolicy | null> {
    const [rows] = await manager.query<[PolicyRow[], number]>(
      `UPDATE approval_policy SET steps = $2, version = version + 1, updated_at = $4, updated_by = $5
       WHERE subject_kind = $1 AND version = $3 RETURNING *`,
      [policy.subjectKind, JSON.stringify(policy.steps), expectedVersion, at, by],
    );
    return rows[0] ? toStored(rows[0]) : null;
  }
}
