import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { IdentityErrorCode, canHeadUnit, identityError } from '@dealgate/domain';
import { Page, toPage } from '@dealgate/common';
import { Actor } from '../audit/actor';
import { AuditEvent, AuditRepository } from '../audit/audit.repository';
import { DirectoryPublisher } from './directory-publisher';
import { CreateUnitDto, UnitQuery, UnitView, UpdateUnitDto, toUnitView } from './units.dto';
import { UnitRecord, UnitsRepository } from './units.repository';
import { UsersRepository } from './users.repository';
import { withTokenRevocation } from './token-version';

/** Sales units and their heads. A new head joins the unit (their `unitId` follows), so their token scopes them to it. */
@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly directory: DirectoryPublisher,
  ) {}

  async create(dto: CreateUnitDto, actor: Actor): Promise<UnitView> {
    const unit = await this.dataSource.transaction(async (manager) => {
      const created = await this.units.insert({ id: randomUUID(), name: dto.name.trim(), headUserId: null }, manager);
      if (!created) throw nameTaken(dto.name);
      const withHead = dto.headUserId ? await this.appointHead(created, dto.headUserId, manager) : created;
      await this.directory.unit(withHead, manager);
      await this.audit.record(
        { event: AuditEvent.UnitCreated, actorUserId: actor.userId, subject: created.id, ip: actor.ip },
        manager,
      );
      return withHead;
    });
    return toUnitView(unit);
  }

  async list(query: UnitQuery): Promise<Page<UnitView>> {
    const { items, total } = await this.units.list(query);
    return toPage(items.map(toUnitView), total, query);
  }

  async get(id: string): Promise<UnitView> {
    const unit = await this.units.findById(id);
    if (!unit) throw identityError(IdentityErrorCode.UnitNotFound, `No unit ${id}.`);
    return toUnitView(unit);
  }

  async update(id: string, dto: UpdateUnitDto, actor: Actor): Promise<UnitView> {
    const unit = await this.dataSource.transaction(async (manager) => {
      const before = await this.units.findById(id, manager, true);
      if (!before) throw identityError(IdentityErrorCode.UnitNotFound, `No unit ${id}.`);
      const conflict = () =>
        identityError(IdentityErrorCode.VersionConflict, 'The unit was changed meanwhile; reload and try again.');
      if (before.version !== dto.version) throw conflict();
      const updated = await this.units.update(id, dto.version, { name: dto.name?.trim(), active: dto.active }, manager);
      if (updated === 'taken') throw nameTaken(dto.name ?? before.name);
      if (!updated) throw conflict();
      const after =
        dto.headUserId === undefined || dto.headUserId === before.headUserId
          ? updated
          : dto.headUserId === null
            ? await this.setHead(updated, null, manager)
            : await this.appointHead(updated, dto.headUserId, manager);
      await this.directory.unit(after, manager);
      await this.audit.record(
        {
          event: AuditEvent.UnitUpdated,
          actorUserId: actor.userId,
          subject: id,
          ip: actor.ip,
          details: { headUserId: after.headUserId, active: after.active },
        },
        manager,
      );
      return after;
    });
    return toUnitView(unit);
  }

  private async appointHead(unit: UnitRecord, headUserId: string, manager: EntityManager): Promise<UnitRecord> {
    const head = await this.users.findById(headUserId, manager, true);
    if (!head) throw headRefused(IdentityErrorCode.UserNotFound, `No user ${headUserId}.`, 'no such user');
    const verdict = canHeadUnit(head);
    if (verdict === 'inactive')
      throw headRefused(IdentityErrorCode.HeadInactive, 'A deactivated user cannot head a unit.', 'is deactivated');
    if (verdict === 'missing_role')
      throw headRefused(
        IdentityErrorCode.HeadWithoutRole,
        'The head of a unit must be a sales head or the owner.',
        'is neither a sales head nor the owner',
      );
    if (head.unitId !== unit.id) {
      const moved = await this.users.update(
        head.id,
        head.version,
        withTokenRevocation(head, { unitId: unit.id }),
        manager,
      );
      if (moved) await this.directory.user(moved, manager);
    }
    return this.setHead(unit, headUserId, manager);
  }

  private async setHead(unit: UnitRecord, headUserId: string | null, manager: EntityManager): Promise<UnitRecord> {
    const updated = await this.units.update(unit.id, unit.version, { headUserId }, manager);
    if (!updated || updated === 'taken')
      throw identityError(IdentityErrorCode.VersionConflict, 'The unit was changed meanwhile; reload and try again.');
    return updated;
  }
}

// Named like validation errors, so a form shows them on the field.
function nameTaken(name: string) {
  return identityError(IdentityErrorCode.UnitNameTaken, `A unit named ${name} already exists.`, {
    fields: [{ field: 'name', problems: ['is taken by another unit'] }],
  });
}

function headRefused(code: IdentityErrorCode, message: string, problem: string) {
  return identityError(code, message, { fields: [{ field: 'headUserId', problems: [problem] }] });
}
