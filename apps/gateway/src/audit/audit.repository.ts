import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  And,
  DataSource,
  EntityManager,
  FindOptionsWhere,
  LessThan,
  MoreThanOrEqual,
  QueryDeepPartialEntity,
} from 'typeorm';
import { AuditLogEntity } from './audit.entity';
import { AuditRecord } from './audit.view';
export { AuditRecord };

/** Security events kept in the audit log. Values are stored: never rename. */
export enum AuditEvent {
  LoginSucceeded = 'login.succeeded',
  LoginFailed = 'login.failed',
  Logout = 'logout',
  RefreshReuseDetected = 'refresh.reuse_detected',
  PasswordChanged = 'password.changed',
  PasswordReset = 'password.reset',
  UserCreated = 'user.created',
  UserUpdated = 'user.updated',
  UserDeactivated = 'user.deactivated',
  UserActivated = 'user.activated',
  RolesChanged = 'roles.changed',
  UnitCreated = 'unit.created',
  UnitUpdated = 'unit.updated',
  ApiKeyCreated = 'api_key.created',
  ApiKeyRevoked = 'api_key.revoked',
  ApiKeyUsed = 'api_key.used',
  ApiKeyRejected = 'api_key.rejected',
}

export interface AuditEntry {
  event: AuditEvent;
  actorUserId?: string | null;
  /** What the event is about: a user id, a unit id, a key id, or the e-mail a failed login tried. */
  subject?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditFilter {
  event?: AuditEvent;
  actorUserId?: string;
  /** ISO 8601; `from` included, `to` excluded. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

// The list's filters, each left out when not given; `from` included, `to` excluded.
function whereOf(f: AuditFilter): FindOptionsWhere<AuditLogEntity> {
  const from = instant(f.from);
  const to = instant(f.to);
  const bounds = [...(from ? [MoreThanOrEqual(from)] : []), ...(to ? [LessThan(to)] : [])];
  const at = bounds.length > 1 ? And(...bounds) : bounds[0];
  return {
    ...(f.event !== undefined && { event: f.event }),
    ...(f.actorUserId !== undefined && { actorUserId: f.actorUserId }),
    ...(at !== undefined && { at }),
  };
}

const toRecord = (e: AuditLogEntity): AuditRecord => ({
  id: String(e.id),
  at: e.at,
  event: e.event,
  actorUserId: e.actorUserId,
  subject: e.subject,
  ip: e.ip,
  details: e.details,
});

// A bare date or a time without an offset is read in UTC, whatever the database session's time zone.
function instant(value: string | undefined): Date | null {
  if (value === undefined) return null;
  const zoned = !value.includes('T') || /(Z|[+-]\d\d(:?\d\d)?)$/i.test(value);
  return new Date(zoned ? value : `${value}Z`);
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside the caller's transaction when given one, so the record commits (or not) with the change. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    // id and at are left to the table (bigserial, now()).
    const row: Omit<AuditLogEntity, 'id' | 'at'> = {
      event: entry.event,
      actorUserId: entry.actorUserId ?? null,
      subject: entry.subject ?? null,
      ip: entry.ip ?? null,
      details: entry.details ?? {},
    };
    await (manager ?? this.dataSource.manager)
      .createQueryBuilder()
      .insert()
      .into(AuditLogEntity)
      // The cast: the query builder's deep-partial type does not take an open jsonb record (details).
      .values(row as QueryDeepPartialEntity<AuditLogEntity>)
      .execute();
  }

  async list(filter: AuditFilter): Promise<{ items: AuditRecord[]; total: number }> {
    const [entities, total] = await this.dataSource.manager.findAndCount(AuditLogEntity, {
      where: whereOf(filter),
      order: { id: 'DESC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items: entities.map(toRecord), total };
  }
}
