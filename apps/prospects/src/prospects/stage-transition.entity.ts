import { Column, Entity, PrimaryColumn } from 'typeorm';
import { FunnelEventKind } from '@dealgate/domain';

/** One row of `stage_transition`, the append-only funnel log (the table refuses updates and deletes). `id` is a bigint
 * sequence: the driver hands it over as text. */
@Entity({ name: 'stage_transition' })
export class StageTransitionEntity {
  @PrimaryColumn({ name: 'id', type: 'bigint' })
  id!: string;

  @Column({ name: 'prospect_id', type: 'uuid' })
  prospectId!: string;

  @Column({ name: 'event_kind', type: 'text' })
  eventKind!: FunnelEventKind;

  @Column({ name: 'from_stage', type: 'text' })
  fromStage!: string;

  @Column({ name: 'to_stage', type: 'text' })
  toStage!: string;

  @Column({ name: 'from_status', type: 'text' })
  fromStatus!: string;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: string;

  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'evidence_kind', type: 'text', nullable: true })
  evidenceKind!: string | null;

  @Column({ name: 'evidence_id', type: 'uuid', nullable: true })
  evidenceId!: string | null;

  @Column({ name: 'lost_reason_code', type: 'text', nullable: true })
  lostReasonCode!: string | null;

  @Column({ name: 'lost_reason_note', type: 'text', nullable: true })
  lostReasonNote!: string | null;

  @Column({ name: 'product_line_id', type: 'uuid' })
  productLineId!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;
}
