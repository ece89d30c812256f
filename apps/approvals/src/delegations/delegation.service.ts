import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApprovalErrorCode, approvalError, assertValidDelegation } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { DirectoryService } from '@dealgate/chassis';
import { Clock, Page, toPage } from '@dealgate/common';
import { AuditAction, AuditRepository } from '../audit/audit.repository';
import { AccessScopeService } from '../requests/access-scope.service';
import { CreateDelegationDto, DelegationListQuery } from './delegation.dto';
import { DelegationRepository, DelegationView } from './delegation.repository';

@Injectable()
export class DelegationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly delegations: DelegationRepository,
    private readonly directory: DirectoryService,
    private readonly audit: AuditRepository,
    private readonly scopes: AccessScopeService,
    private readonly clock: Clock,
  ) {}

  /** The caller lets a colleague decide in their place (as the caller is at decision time) for a date range. */
  async create(principal: Principal, dto: CreateDelegationDto): Promise<DelegationView> {
    const now = this.clock.now();
    const me = await this.scopes.effectiveUser(this.dataSource.manager, principal);
    const delegate = await this.directory.user(dto.delegateId);
    assertValidDelegation(
      {
        approverId: principal.userId,
        approverRoles: me.roles,
        delegateId: dto.delegateId,
        delegateActive: delegate === null ? null : delegate.active,
        startsAt: dto.startsAt,
        endsAt: dto.endsAt,
      },
      now,
    );
    return this.dataSource.transaction(async (manager) => {
      const created = await this.delegations.insert(manager, {
        approverId: principal.userId,
        approverRoles: me.roles,
        approverUnitId: me.unitId,
        delegateId: dto.delegateId,
        startsAt: dto.startsAt,
        endsAt: dto.endsAt,
        createdAt: now,
      });
      await this.audit.record(manager, {
        action: AuditAction.DelegationCreated,
        actorId: principal.userId,
        detail: {
          delegationId: created.id,
          delegateId: created.delegateId,
          startsAt: created.startsAt,
          endsAt: created.endsAt,
        },
        at: now,
      });
      return created;
    });
  }

  list(principal: Principal, query: DelegationListQuery): Promise<Page<DelegationView>> {
    return this.delegations
      .listFor(this.dataSource.manager, principal.userId, { role: query.role, activeAt: query.activeAt }, query)
      .then(({ items, total }) => toPage(items, total, query));
  }

  /** Ends one of the caller's own delegations now; someone else's answers 404. */
  async revoke(principal: Principal, id: string): Promise<DelegationView> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const revoked = await this.delegations.revoke(manager, id, principal.userId, now);
      if (revoked === null) {
        throw approvalError(ApprovalErrorCode.DelegationNotFound, `No delegation ${id} of yours.`, { id });
      }
      await this.audit.record(manager, {
        action: AuditAction.DelegationRevoked,
        actorId: principal.userId,
        detail: { delegationId: id, delegateId: revoked.delegateId },
        at: now,
      });
      return revoked;
    });
  }
}
