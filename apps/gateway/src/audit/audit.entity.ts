import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AuditEvent } from './audit.repository';

/** One row of the gateway's `audit_log`; only AuditRepository sees it. */
@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  /** bigserial: the table numbers the rows in the order they were written; read as text to stay exact. */
  @PrimaryColumn({ name: 'id', type: 'bigint' })
  id!: string;

  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'event', type: 'text' })
  event!: AuditEvent;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** A user id, a unit id, a key id, or the e-mail a failed login tried. */
  @Column({ name: 'subject', type: 'text', nullable: true })
  subject!: string | null;

  @Column({ name: 'ip', type: 'text', nullable: true })
  ip!: string | null;

  @Column({ name: 'details', type: 'jsonb' })
  details!: Record<string, unknown>;
}
