import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `approval_void_notice`: a void that arrived before its request. */
@Entity({ name: 'approval_void_notice' })
export class ApprovalVoidNoticeEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
