import { ApiProperty } from '@nestjs/swagger';
import { BriefSection } from '@dealgate/domain';

export class BriefNeedView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  text!: string;
}

export class BriefView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  prospectId!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  meetingId!: string | null;
  /** Section texts keyed by section; a missing or null one is not written yet. */
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(Object.values(BriefSection).map((s) => [s, { type: 'string', nullable: true }])),
  })
  sections!: Partial<Record<BriefSection, string | null>>;
  needs!: BriefNeedView[];
  @ApiProperty({ type: String, format: 'date-time' })
  completedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid' })
  authorId!: string;
  /** Optimistic concurrency: send it back with a change; a stale one answers 409 `version_conflict`. */
  version!: number;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}
