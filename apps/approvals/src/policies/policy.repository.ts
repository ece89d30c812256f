import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalPolicy, ApprovalSubjectKind } from '@dealgate/domain';
import { hydrateRows } from '@dealgate/database';
import { ApprovalPolicyEntity } from './policy.entity';
import { StoredPolicy } from './policy.view';
export { StoredPolicy };

const toStored = (e: ApprovalPolicyEntity): StoredPolicy => ({
  policy: { subjectKind: e.subjectKind, steps: e.steps },
  version: e.version,
  updatedAt: e.updatedAt.toISOString(),
  updatedBy: e.updatedBy,
});

/** Approval policies as data, one per subject kind, versioned for optimistic edits. */
@Injectable()
export class PolicyRepository {
  async all(manager: EntityManager): Promise<StoredPolicy[]> {
    const entities = await manager.find(ApprovalPolicyEntity, { order: { subjectKind: 'ASC' } });
    return entities.map(toStored);
  }

  async find(manager: EntityManager, kind: ApprovalSubjectKind): Promise<StoredPolicy | null> {
    const entity = await manager.findOneBy(ApprovalPolicyEntity, { subjectKind: kind });
    return entity === null ? null : toStored(entity);
  }

  /** Replaces the steps when the stored version is still `expectedVersion`; null on a version conflict. */
  async replace(
    manager: EntityManager,
    policy: ApprovalPolicy,
    expectedVersion: number,
    by: string,
    at: Date,
  ): Promise<StoredPolicy | null> {
    const result = await manager
      .createQueryBuilder()
      .update(ApprovalPolicyEntity)
      .set({
        steps: [...policy.steps],
        version: () => 'version + 1',
        updatedAt: at,
        updatedBy: by,
      })
      .where({ subjectKind: policy.subjectKind, version: expectedVersion })
      .returning('*')
      .execute();
    const [entity] = hydrateRows(manager, ApprovalPolicyEntity, result.raw as Record<string, unknown>[]);
    return entity === undefined ? null : toStored(entity);
  }
}
