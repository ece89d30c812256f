import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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

interface AuditRow {
  id: string;
  at: Date;
  event: AuditEvent;
  actor_user_id: string | null;
  subject: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  total: number;
}

// The list's filters, each off when its value is null ($1..$4, see whereArgs).
const WHERE = `($1::text IS NULL OR event = $1) AND ($2::uuid IS NULL OR actor_user_id = $2)
  AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at < $4)`;

const whereArgs = (f: AuditFilter) => [f.event ?? null, f.actorUserId ?? null, instant(f.from), instant(f.to)];

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
    await (manager ?? this.dataSource.manager).query(
      'INSERT INTO audit_log (event, actor_user_id, subject, ip, details) VALUES ($1, $2, $3, $4, $5)',
      [
        entry.event,
        entry.actorUserId ?? null,
        entry.subject ?? null,
        entry.ip ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  async list(filter: AuditFilter): Promise<{ items: AuditRecord[]; total: number }> {
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT *, count(*) OVER ()::int AS total FROM audit_log WHERE ${WHERE}
       ORDER BY id DESC LIMIT $5 OFFSET $6`,
      [...whereArgs(filter), filter.limit, filter.offset],
    );
    const total = rows[0]?.total ?? (await this.count(filter));
    return {
      total,
      items: rows.map((r) => ({
        id: String(r.id),
        at: r.at,
        event: r.event,
        actorUserId: r.actor_user_id,
        subject: r.subject,
        ip: r.ip,
        details: r.details,
      })),
    };
  }

  private async count(filter: AuditFilter): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_log WHERE ${WHERE}`,
      whereArgs(filter),
    );
    return row.n;
  }
}
