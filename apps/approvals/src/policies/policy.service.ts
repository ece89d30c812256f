import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApprovalErrorCode, ApprovalSubjectKind, approvalError, assertValidApprovalPolicy } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { Clock } from '@dealgate/common';
import { AuditAction, AuditRepository } from '../audit/audit.repository';
import { ReplacePolicyDto, toPolicy } from './policy.dto';
import { PolicyRepository, StoredPolicy } from './policy.repository';

@Injectable()
export class PolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PolicyRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  list(): Promise<StoredPolicy[]> {
    return this.policies.all(this.dataSource.manager);
  }

  async get(kind: ApprovalSubjectKind): Promise<StoredPolicy> {
    const stored = await this.policies.find(this.dataSource.manager, kind);
    if (stored === null) throw notFound(kind);
    return stored;
  }

  /** Applies to requests opened from now on: open requests keep the chain they were resolved with. */
  async replace(kind: ApprovalSubjectKind, dto: ReplacePolicyDto, admin: Principal): Promise<StoredPolicy> {
    const policy = toPolicy(kind, dto);
    assertValidApprovalPolicy(policy);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const stored = await this.policies.replace(manager, policy, dto.version, admin.userId, now);
      if (stored === null) {
        const current = await this.policies.find(manager, kind);
        if (current === null) throw notFound(kind);
        throw approvalError(
          ApprovalErrorCode.VersionConflict,
          `The ${kind} policy was changed by someone else (now version ${current.version}); reload it and edit again.`,
          { currentVersion: current.version },
        );
      }
      await this.audit.record(manager, {
        action: AuditAction.PolicyUpdated,
        actorId: admin.userId,
        detail: { subjectKind: kind, version: stored.version, steps: policy.steps },
        at: now,
      });
      return stored;
    });
  }
}

function notFound(kind: ApprovalSubjectKind) {
  return approvalError(ApprovalErrorCode.PolicyNotFound, `No approval policy is set for ${kind} requests.`, { kind });
}
