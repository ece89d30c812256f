import { ApiProperty } from '@nestjs/swagger';
import { FunnelEventKind, ProspectStatus, Stage } from '@dealgate/domain';

export class LostReasonView {
  code!: string;
  note!: string | null;
}

/** A prospect as the API answers it. */
export class Prospect {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  sampleId!: string;
  @ApiProperty({ format: 'uuid' })
  productLineId!: string;
  @ApiProperty({ format: 'uuid' })
  unitId!: string;
  @ApiProperty({ format: 'uuid' })
  ownerId!: string | null;
  companyName!: string;
  taxId!: string | null;
  website!: string | null;
  stage!: Stage;
  status!: ProspectStatus;
  @ApiProperty({ format: 'uuid' })
  approvedOfferId!: string | null;
  lostReason!: LostReasonView | null;
  @ApiProperty({ format: 'date-time' })
  stageEnteredAt!: string;
  /** Optimistic concurrency: send it back with a change; a stale one answers 409 `version_conflict`. */
  version!: number;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** One row of the append-only stage-transition log (columns documented in the funnel migration). */
export class TransitionLogEntry {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  prospectId!: string;
  eventKind!: FunnelEventKind;
  fromStage!: string;
  toStage!: string;
  fromStatus!: string;
  toStatus!: string;
  @ApiProperty({ format: 'date-time' })
  at!: string;
  @ApiProperty({ format: 'uuid' })
  actorId!: string | null;
  evidenceKind!: string | null;
  evidenceId!: string | null;
  lostReasonCode!: string | null;
  lostReasonNote!: string | null;
  @ApiProperty({ format: 'uuid' })
  productLineId!: string;
  @ApiProperty({ format: 'uuid' })
  unitId!: string;
  @ApiProperty({ format: 'uuid' })
  ownerId!: string | null;
}
