import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  IdentityErrorCode,
  Role,
  identityError,
  leadsOutsideGroups,
  normalizeEmail,
  passwordProblems,
  removesLastAdmin,
  roleAssignmentProblem,
  roleChanges,
} from '@dealgate/domain';
import { Clock, Page, toPage } from '@dealgate/common';
import { Actor } from '../audit/actor';
import { AuditEvent, AuditRepository } from '../audit/audit.repository';
import { ApiKeysRepository } from '../auth/api-keys.repository';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { DirectoryPublisher } from './directory-publisher';
import { PasswordHasher } from './password-hasher';
import { withTokenRevocation } from './token-version';
import { passwordGuessesLog10 } from './password-strength';
import { UnitsRepository } from './units.repository';
import { CreateUserDto, UpdateUserDto, UserQuery, UserView, toUserView } from './users.dto';
import { UserChanges, UserRecord, UsersRepository } from './users.repository';

/** The admin side of identity: users, their roles, units and groups. Every change is published and audited. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly units: UnitsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly apiKeys: ApiKeysRepository,
    private readonly audit: AuditRepository,
    private readonly directory: DirectoryPublisher,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  /** `mustChangePassword`: the password was generated for the user (the first admin), who must replace it. */
  async create(
    dto: CreateUserDto,
    actor: Actor | null,
    options: { mustChangePassword?: boolean } = {},
  ): Promise<UserView> {
    const email = normalizeEmail(dto.email);
    const id = randomUUID();
    this.assertRoleAssignment(actor?.userId ?? null, id, dto.roles, null);
    this.assertPassword(dto.password, email, dto.name);
    const groups = dto.groups ?? [];
    const leadOf = dto.leadOf ?? [];
    this.assertLeads(groups, leadOf);
    const passwordHash = await this.hasher.hash(dto.password);
    const user = await this.dataSource.transaction(async (manager) => {
      if (dto.unitId) await this.assertUnitUsable(dto.unitId, manager);
      const created = await this.users.insert(
        {
          id,
          email,
          name: dto.name.trim(),
          passwordHash,
          roles: dto.roles,
          unitId: dto.unitId ?? null,
          groups,
          leadOf,
          mustChangePassword: options.mustChangePassword ?? false,
        },
        manager,
      );
      if (!created)
        throw identityError(IdentityErrorCode.EmailTaken, `A user with the e-mail ${email} already exists.`, {
          fields: [{ field: 'email', problems: ['is taken by another user'] }],
        });
      await this.directory.user(created, manager);
      await this.audit.record(
        { event: AuditEvent.UserCreated, actorUserId: actor?.userId, subject: created.id, ip: actor?.ip },
        manager,
      );
      await this.audit.record(
        {
          event: AuditEvent.RolesChanged,
          actorUserId: actor?.userId,
          subject: created.id,
          ip: actor?.ip,
          details: roleChanges([], created.roles),
        },
        manager,
      );
      return created;
    });
    return toUserView(user);
  }

  async list(query: UserQuery): Promise<Page<UserView>> {
    const { items, total } = await this.users.list(query);
    return toPage(items.map(toUserView), total, query);
  }

  async get(id: string): Promise<UserView> {
    return toUserView(await this.require(id));
  }

  async update(id: string, dto: UpdateUserDto, actor: Actor): Promise<UserView> {
    const user = await this.mutate(id, dto.version, actor, async (before, manager) => {
      const groups = dto.groups ?? before.groups;
      const leadOf = dto.leadOf ?? (dto.groups ? before.leadOf.filter((g) => groups.includes(g)) : before.leadOf);
      this.assertLeads(groups, leadOf);
      if (dto.unitId) await this.assertUnitUsable(dto.unitId, manager);
      if (dto.roles) {
        this.assertRoleAssignment(actor.userId, before.id, dto.roles, before.roles);
        await this.assertKeepsAnAdmin(before, before.active && dto.roles.includes(Role.Admin), manager);
      }
      return { name: dto.name?.trim(), roles: dto.roles, unitId: dto.unitId, groups, leadOf };
    });
    return toUserView(user);
  }

  /** Deactivation also ends every session and revokes every API key of the user. */
  async setActive(id: string, active: boolean, actor: Actor): Promise<UserView> {
    const current = await this.require(id);
    const user = await this.mutate(id, current.version, actor, async (before, manager) => {
      if (!active) {
        await this.assertKeepsAnAdmin(before, false, manager);
        await this.revokeCredentials(before.id, 'user_deactivated', manager);
      }
      return { active };
    });
    return toUserView(user);
  }

  async resetPassword(id: string, password: string, actor: Actor): Promise<void> {
    const current = await this.require(id);
    this.assertPassword(password, current.email, current.name);
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      // The admin chose it: the user must choose their own at the next login.
      const changes = { passwordHash, mustChangePassword: true, tokenVersion: current.tokenVersion + 1 };
      const updated = await this.users.update(id, current.version, changes, manager);
      if (!updated)
        throw identityError(IdentityErrorCode.VersionConflict, 'The user was changed meanwhile; try again.');
      await this.refreshTokens.revokeAllOfUser(id, 'password_reset', this.clock.now(), manager);
      await this.directory.user(updated, manager);
      await this.audit.record(
        { event: AuditEvent.PasswordReset, actorUserId: actor.userId, subject: id, ip: actor.ip },
        manager,
      );
    });
  }

  /** Loads, locks, checks the version, applies `change`, publishes and audits, all in one transaction. */
  private async mutate(
    id: string,
    version: number,
    actor: Actor,
    change: (before: UserRecord, manager: EntityManager) => Promise<UserChanges>,
  ): Promise<UserRecord> {
    const user = await this.dataSource.transaction(async (manager) => {
      const before = await this.users.findById(id, manager, true);
      if (!before) throw identityError(IdentityErrorCode.UserNotFound, `No user ${id}.`);
      if (before.version !== version)
        throw identityError(IdentityErrorCode.VersionConflict, 'The user was changed meanwhile; reload and try again.');
      // Roles, unit or activation changed: the user's access tokens stop working (every service, within seconds).
      const changes = withTokenRevocation(before, await change(before, manager));
      const after = await this.users.update(id, version, changes, manager);
      if (!after)
        throw identityError(IdentityErrorCode.VersionConflict, 'The user was changed meanwhile; reload and try again.');
      await this.directory.user(after, manager);
      await this.auditChange(before, after, actor, manager);
      return after;
    });
    return user;
  }

  private async auditChange(
    before: UserRecord,
    after: UserRecord,
    actor: Actor,
    manager: EntityManager,
  ): Promise<void> {
    const base = { actorUserId: actor.userId, subject: after.id, ip: actor.ip };
    const roles = roleChanges(before.roles, after.roles);
    if (roles.added.length || roles.removed.length)
      await this.audit.record({ ...base, event: AuditEvent.RolesChanged, details: roles }, manager);
    if (before.active !== after.active) {
      await this.audit.record(
        { ...base, event: after.active ? AuditEvent.UserActivated : AuditEvent.UserDeactivated },
        manager,
      );
    }
    const changed = (['name', 'unitId', 'groups', 'leadOf'] as const).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (changed.length)
      await this.audit.record({ ...base, event: AuditEvent.UserUpdated, details: { changed } }, manager);
  }

  private async revokeCredentials(userId: string, reason: string, manager: EntityManager): Promise<void> {
    const now = this.clock.now();
    await this.refreshTokens.revokeAllOfUser(userId, reason, now, manager);
    await this.apiKeys.revokeAllOfUser(userId, now, manager);
  }

  private async require(id: string): Promise<UserRecord> {
    const user = await this.users.findById(id);
    if (!user) throw identityError(IdentityErrorCode.UserNotFound, `No user ${id}.`);
    return user;
  }

  private assertPassword(password: string, email: string, name: string): void {
    const problems = passwordProblems(password, {
      email,
      name,
      guessesLog10: passwordGuessesLog10(password, [email, name]),
    });
    if (problems.length)
      throw identityError(IdentityErrorCode.WeakPassword, `The password ${problems.join(', ')}.`, {
        fields: [{ field: 'password', problems }],
      });
  }

  /** Another admin changes roles, and an admin account holds no business role (libs/domain admin-separation). */
  private assertRoleAssignment(actorUserId: string | null, targetUserId: string, roles: Role[], before: Role[] | null) {
    const problem = roleAssignmentProblem({ actorUserId, targetUserId, roles, before });
    if (problem === 'own_roles')
      throw identityError(IdentityErrorCode.OwnRoles, 'Nobody changes their own roles; ask another admin.', {
        fields: [{ field: 'roles', problems: ['are your own: another admin must change them'] }],
      });
    if (problem === 'admin_with_business_role')
      throw identityError(
        IdentityErrorCode.AdminWithBusinessRole,
        'An admin account holds no other role: admins configure and make no business decisions. Use a second account for business work.',
        { fields: [{ field: 'roles', problems: ['admin cannot be combined with another role'] }] },
      );
  }

  private assertLeads(groups: string[], leadOf: string[]): void {
    const outside = leadsOutsideGroups(groups, leadOf);
    if (outside.length)
      throw identityError(
        IdentityErrorCode.LeadOutsideGroup,
        `A user can lead only groups they belong to: ${outside.join(', ')}.`,
        { fields: [{ field: 'leadOf', problems: [`${outside.join(', ')}: not among the user's groups`] }] },
      );
  }

  private async assertUnitUsable(unitId: string, manager: EntityManager): Promise<void> {
    const unit = await this.units.findById(unitId, manager);
    // Named like a validation error: the form shows it on its unit field.
    if (!unit)
      throw identityError(IdentityErrorCode.UnitNotFound, `No unit ${unitId}.`, {
        fields: [{ field: 'unitId', problems: ['no such unit'] }],
      });
    if (!unit.active)
      throw identityError(IdentityErrorCode.UnitInactive, `The unit ${unit.name} is closed.`, {
        fields: [{ field: 'unitId', problems: ['the unit is closed'] }],
      });
  }

  private async assertKeepsAnAdmin(
    before: UserRecord,
    staysActiveAdmin: boolean,
    manager: EntityManager,
  ): Promise<void> {
    const isActiveAdmin = before.active && before.roles.includes(Role.Admin);
    if (!isActiveAdmin || staysActiveAdmin) return;
    if (removesLastAdmin(isActiveAdmin, staysActiveAdmin, await this.users.countActiveAdmins(manager))) {
      throw identityError(
        IdentityErrorCode.LastAdmin,
        'This is the last active admin; make someone else an admin first.',
      );
    }
  }
}
