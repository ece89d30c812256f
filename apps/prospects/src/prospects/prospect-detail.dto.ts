import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALL_PROSPECT_STATUSES, GateItemCode, ProspectStatus, Stage, STAGE_ORDER } from '@dealgate/domain';

export class GateItemDto {
  @ApiProperty({
    enum: GateItemCode,
    enumName: 'GateItemCode',
    description: 'Stable machine code of the result; the console translates it',
  })
  code!: GateItemCode;

  @ApiProperty({ type: Boolean, description: 'Whether the result exists' })
  met!: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    description: 'What the item is about, e.g. `{ "section": "market_trends" }` for `brief_section`',
    example: { section: 'market_trends' },
  })
  params?: Record<string, string | number>;
}

/** The results the current stage requires (computed by libs/domain from the recorded evidence). */
export class GateChecklistDto {
  @ApiProperty({ enum: STAGE_ORDER, enumName: 'Stage' })
  stage!: Stage;

  @ApiProperty({ type: [GateItemDto] })
  items!: GateItemDto[];
}

export class LostReasonDto {
  @ApiProperty({ type: String })
  code!: string;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}

/** `GET /api/prospects/{id}`: the prospect with what the console shows about its stage. */
export class ProspectDetailDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  sampleId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  productLineId!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  unitId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The assigned salesperson' })
  ownerId!: string | null;

  @ApiProperty({ type: String })
  companyName!: string;

  @ApiProperty({ type: String, nullable: true })
  taxId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  website!: string | null;

  @ApiProperty({ enum: STAGE_ORDER, enumName: 'Stage' })
  stage!: Stage;

  @ApiProperty({ enum: ALL_PROSPECT_STATUSES, enumName: 'ProspectStatus' })
  status!: ProspectStatus;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  approvedOfferId!: string | null;

  @ApiProperty({ type: LostReasonDto, nullable: true })
  lostReason!: LostReasonDto | null;

  @ApiProperty({ type: String, format: 'date-time' })
  stageEnteredAt!: string;

  @ApiProperty({ type: Number, description: 'Send it back on writes (409 when stale)' })
  version!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: GateChecklistDto })
  gate!: GateChecklistDto;

  @ApiProperty({ type: Number, minimum: 0, description: 'Whole days since the prospect entered its stage' })
  daysInStage!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: "The product line's limit for the stage; null when the line sets none",
  })
  stageLimitDays!: number | null;

  @ApiProperty({
    type: Boolean,
    description: 'Longer in the stage than its limit (exactly the limit is on time); false without a limit',
  })
  overLimit!: boolean;

  @ApiProperty({ type: Boolean, description: 'Active and over the limit (won and lost prospects no longer stall)' })
  stalled!: boolean;

  @ApiProperty({ type: String })
  productLineName!: string;

  @ApiProperty({
    type: Boolean,
    description: 'True when the caller may only look (after the handoff to legal and accounting, or lost)',
  })
  readOnly!: boolean;
}
