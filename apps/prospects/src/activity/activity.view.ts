import { ApiProperty } from '@nestjs/swagger';
import { MeetingAction, MeetingStatus } from '@dealgate/domain';

export class ContactView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  prospectId!: string;
  name!: string;
  position!: string | null;
  isDecisionMaker!: boolean;
  decisionReason!: string | null;
  email!: string | null;
  phone!: string | null;
  @ApiProperty({ type: String, format: 'uuid' })
  createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
}

export class ContactAttemptView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  prospectId!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  contactId!: string | null;
  channel!: string;
  outcome!: string;
  note!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  actorId!: string;
  stage!: string;
}

export class MeetingHistoryEntry {
  @ApiProperty({ enum: ['scheduled', ...Object.values(MeetingAction)] })
  action!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  actorId!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  previousScheduledAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  scheduledAt!: string | null;
  note!: string | null;
}

export class MeetingView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  prospectId!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  contactId!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  scheduledAt!: string;
  status!: MeetingStatus;
  @ApiProperty({ type: String, format: 'date-time' })
  heldAt!: string | null;
  agenda!: string | null;
  @ApiProperty({ type: String, format: 'uuid' })
  createdBy!: string;
  /** Optimistic concurrency: send it back with a change; a stale one answers 409 `version_conflict`. */
  version!: number;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
  history!: MeetingHistoryEntry[];
}
