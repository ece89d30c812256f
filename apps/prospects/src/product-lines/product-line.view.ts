import { ApiProperty } from '@nestjs/swagger';
import { Stage } from '@dealgate/domain';

export class CycleDaysView {
  min!: number;
  max!: number;
}

export class ProductLineView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  code!: string | null;
  name!: string;
  cycleDays!: CycleDaysView;
  /** Days a prospect may stay in each stage before it counts as stalled, keyed by stage. */
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(Object.values(Stage).map((s) => [s, { type: 'integer' }])),
  })
  stageLimitDays!: Record<Stage, number>;
  active!: boolean;
  /** Optimistic concurrency: send it back with a change; a stale one answers 409 `version_conflict`. */
  version!: number;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}
