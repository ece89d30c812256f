import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '@dealgate/domain';

/** One row of `api_key`; only ApiKeysRepository sees it. The secret is stored hashed, never in clear. */
@Entity({ name: 'api_key' })
export class ApiKeyEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  /** The key's public id (unique), the part a client sends before the secret. */
  @Column({ name: 'key_id', type: 'text' })
  keyId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'secret_hash', type: 'text' })
  secretHash!: string;

  @Column({ name: 'roles', type: 'text', array: true })
  roles!: Role[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
