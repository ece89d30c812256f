import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '@dealgate/domain';

/**
 * One row of `directory_user`, the service's own copy of a user from identity's `user.upserted` events (the table is
 * built by each service's migrations). The contact details stay sealed at rest.
 */
@Entity({ name: 'directory_user' })
export class DirectoryUserEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'roles', type: 'text', array: true })
  roles!: Role[];

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  /** Task groups such as `legal`. */
  @Column({ name: 'groups', type: 'text', array: true })
  groups!: string[];

  /** The task groups the user leads. */
  @Column({ name: 'lead_of', type: 'text', array: true })
  leadOf!: string[];

  @Column({ name: 'active', type: 'boolean' })
  active!: boolean;

  @Column({ name: 'sealed_contact', type: 'text' })
  sealedContact!: string;

  /** When identity changed the user: a row only moves forward in it (events may arrive out of order). */
  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  /** Tokens of an older version are refused (libs/auth guard). */
  @Column({ name: 'token_version', type: 'integer' })
  tokenVersion!: number;

  /** Sessions ended lately: their tokens are refused. */
  @Column({ name: 'revoked_sessions', type: 'uuid', array: true })
  revokedSessions!: string[];
}
