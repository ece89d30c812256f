import { ApiProperty } from '@nestjs/swagger';
import { MeetingAction, MeetingStatus } from '@dealgate/domain';

export class ContactView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  prospectId!: string;
  name!: string;
  position!: string | null;
  isDecisionMaker!: boolean;
  decisionReason!: string | null;
  email!: string | null;
  phone!: string | null;
  @ApiProperty({ format: 'uuid' })
  createdBy!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ContactAttemptView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  prospectId!: string;
  @ApiProperty({ format: 'uuid' })
  contactId!: string | null;
  channel!: string;
  outcome!: string;
  note!: string | null;
  @ApiProperty({ format: 'date-time' })
  at!: string;
  @ApiProperty({ format: 'uuid' })
  actorId!: string;
  stage!: string;
}

export class MeetingHistoryEntry {
  @ApiProperty({ enum: ['scheduled', ...Object.values(MeetingAction)] })
  action!: string;
  @ApiProperty({ format: 'date-time' })
  at!: string;
  @ApiProperty({ format: 'uuid' })
  actorId!: string;
  @ApiProperty({ format: 'date-time' })
  previousScheduledAt!: string | null;
  @ApiProperty({ format: 'date-time' })
  scheduledAt!: string | null;
  note!: string | null;
}

export class MeetingView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  prospectId!: string;
  @ApiProperty({ format: 'uuid' })
  contactId!: string;
  @ApiProperty({ format: 'date-time' })
  scheduledAt!: string;
  status!: MeetingStatus;
  @ApiProperty({ format: 'date-time' })
  heldAt!: string | null;
  agenda!: string | null;
  @ApiProperty({ format: 'uuid' })
  createdBy!: string;
  /** Optimistic concurrency: send it back with a change; a stale one answers 409 `version_conflict`. */
  version!: number;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  history!: MeetingHistoryEntry[];
}
