import { ApiProperty } from '@nestjs/swagger';
import { BriefSection } from '@dealgate/domain';

export class BriefNeedView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  text!: string;
}

export class BriefView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  prospectId!: string;
  @ApiProperty({ format: 'uuid' })
  meetingId!: string | null;
  /** Section texts keyed by section; a missing or null one is not written yet. */
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(Object.values(BriefSection).map((s) => [s, { type: 'string', nullable: true }])),
  })
  sections!: Partial<Record<BriefSection, string | null>>;
  needs!: BriefNeedView[];
  @ApiProperty({ format: 'date-time' })
  completedAt!: string | null;
  @ApiProperty({ format: 'uuid' })
  authorId!: string;
  /** Optimistic concurrency: send it back with a change; a stale one answers 409 `version_conflict`. */
  version!: number;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
