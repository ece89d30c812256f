import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '@dealgate/domain';

/** One row of `approval_delegation`. Why decorators: see requests/request.entity.ts. */
@Entity({ name: 'approval_delegation' })
export class ApprovalDelegationEntity {
  /** Defaults to gen_random_uuid() in the table (the migration), so not a generated column here. */
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'approver_id', type: 'uuid' })
  approverId!: string;

  /** The approver's roles when the delegation was given: the fallback when the directory no longer knows them. */
  @Column({ name: 'approver_roles', type: 'text', array: true })
  approverRoles!: Role[];

  @Column({ name: 'approver_unit_id', type: 'uuid', nullable: true })
  approverUnitId!: string | null;

  @Column({ name: 'delegate_id', type: 'uuid' })
  delegateId!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
