import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { OfferStatus, Stage, STAGE_ORDER } from '@dealgate/domain';

export class AgendaQuery {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: "Start of the caller's day (their time zone), e.g. 2026-12-01T00:00:00+01:00; default: today in UTC",
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'End of that day (exclusive), at most 48 hours after `from`; default: `from` + 24 hours',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AgendaMeetingDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  prospectId!: string;

  @ApiProperty({ type: String })
  companyName!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  contactId!: string;

  @ApiProperty({ type: String })
  contactName!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  scheduledAt!: string;

  @ApiProperty({ type: String, nullable: true })
  agenda!: string | null;
}

export class AgendaProspectDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String })
  companyName!: string;

  @ApiProperty({ enum: STAGE_ORDER, enumName: 'Stage' })
  stage!: Stage;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ownerId!: string | null;

  @ApiProperty({ type: String, format: 'uuid' })
  productLineId!: string;

  @ApiProperty({ type: Number, minimum: 0 })
  daysInStage!: number;

  @ApiProperty({ type: Number })
  stageLimitDays!: number;
}

export class AgendaOfferDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  prospectId!: string;

  @ApiProperty({ type: String })
  companyName!: string;

  @ApiProperty({ type: Number, description: 'Version number of the offer (1, 2, …)' })
  number!: number;

  @ApiProperty({
    enum: [OfferStatus.PendingApproval, OfferStatus.Rejected, OfferStatus.ChangesRequested],
    enumName: 'WaitingOfferStatus',
    description: 'pending_approval: with the approver; rejected / changes_requested: the salesperson reworks it',
  })
  status!: OfferStatus;

  @ApiProperty({ type: Number, description: 'Total in minor units after the discount' })
  totalMinor!: number;

  @ApiProperty({ type: String })
  currency!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

/** What a sales head sees about their unit. */
export class AgendaUnitDto {
  @ApiProperty({ type: String, format: 'uuid' })
  unitId!: string;

  @ApiProperty({ type: [AgendaProspectDto], description: "The unit's stalled prospects, longest overdue first" })
  stalled!: AgendaProspectDto[];

  @ApiProperty({ type: Number, minimum: 0, description: 'Active prospects of the unit with no salesperson' })
  unassigned!: number;
}

/** `GET /api/prospects/agenda`: the caller's home page. Lists hold at most 100 entries. */
export class AgendaDto {
  @ApiProperty({ type: [AgendaMeetingDto], description: 'Scheduled meetings on own prospects within [from, to)' })
  meetingsToday!: AgendaMeetingDto[];

  @ApiProperty({ type: [AgendaProspectDto], description: 'Own prospects over the stage limit, longest overdue first' })
  stalled!: AgendaProspectDto[];

  @ApiProperty({ type: [AgendaOfferDto], description: 'Offers of own prospects waiting on approval or on rework' })
  waitingOffers!: AgendaOfferDto[];

  @ApiProperty({ type: AgendaUnitDto, nullable: true, description: 'Only for a sales head: their unit' })
  unit!: AgendaUnitDto | null;
}
