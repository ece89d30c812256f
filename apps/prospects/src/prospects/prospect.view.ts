import { ApiProperty } from '@nestjs/swagger';
import { FunnelEventKind, ProspectStatus, Stage } from '@dealgate/domain';

export class LostReasonView {
  code!: string;
  note!: string | null;
}

/** A prospect as the API answers it. */
export class Prospect {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  sampleId!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  productLineId!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  unitId!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  ownerId!: string | null;
  companyName!: string;
  taxId!: string | null;
  website!: string | null;
  stage!: Stage;
  status!: ProspectStatus;
  @ApiProperty({ type: String, format: 'uuid' })
  approvedOfferId!: string | null;
  lostReason!: LostReasonView | null;
  @ApiProperty({ type: String, format: 'date-time' })
  stageEnteredAt!: string;
  /** Optimistic concurrency: send it back with a change; a stale one answers 409 `version_conflict`. */
  version!: number;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

/** A page of prospects, newest change first (`updatedAt` descending, then id). */
export class ProspectPage {
  @ApiProperty({ type: [Prospect] })
  items!: Prospect[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many match the filters in all (not only this page)' })
  total!: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 200 })
  limit!: number;
  @ApiProperty({ type: 'integer', minimum: 0 })
  offset!: number;
  /** Pass as `cursor` for the page after this one; null when this page is the last. */
  nextCursor!: string | null;
}

/** One row of the append-only stage-transition log (columns documented in the funnel migration). */
export class TransitionLogEntry {
  /** The entry's sequence number (as a string). */
  id!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  prospectId!: string;
  eventKind!: FunnelEventKind;
  fromStage!: string;
  toStage!: string;
  fromStatus!: string;
  toStatus!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  actorId!: string | null;
  evidenceKind!: string | null;
  evidenceId!: string | null;
  lostReasonCode!: string | null;
  lostReasonNote!: string | null;
  @ApiProperty({ type: String, format: 'uuid' })
  productLineId!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  unitId!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  ownerId!: string | null;
}

/** `GET /api/prospects/{id}/transitions`: a log entry with the actor's display name, for the stage history. */
export class StageHistoryEntry extends TransitionLogEntry {
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The actor's display name from the directory; null for a system move or a user not known (yet)",
  })
  actorName!: string | null;
}
