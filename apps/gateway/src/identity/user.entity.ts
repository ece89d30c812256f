import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '@dealgate/domain';

/** One row of `app_user`; only the gateway's repositories see it. E-mails are unique (app_user_email_uq). */
@Entity({ name: 'app_user' })
export class AppUserEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'email', type: 'text' })
  email!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'roles', type: 'text', array: true })
  roles!: Role[];

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @Column({ name: 'groups', type: 'text', array: true })
  groups!: string[];

  @Column({ name: 'lead_of', type: 'text', array: true })
  leadOf!: string[];

  @Column({ name: 'active', type: 'boolean' })
  active!: boolean;

  /** The optimistic lock: every update bumps it and names the one it read. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'must_change_password', type: 'boolean' })
  mustChangePassword!: boolean;

  /** Bumped when the user's access tokens must stop working (libs/domain token-revocation). */
  @Column({ name: 'token_version', type: 'integer' })
  tokenVersion!: number;
}
