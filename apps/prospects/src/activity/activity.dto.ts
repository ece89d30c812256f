import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';

export const ATTEMPT_CHANNELS = ['call', 'email', 'message', 'visit'] as const;
export const ATTEMPT_OUTCOMES = [
  'no_answer',
  'reached',
  'callback_requested',
  'refused',
  'wrong_contact',
  'other',
] as const;

export class CreateContactDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  position?: string;

  @ApiProperty({ description: 'Sets the appointment and is responsible for the negotiation and the contract' })
  @IsBoolean()
  isDecisionMaker!: boolean;

  @ApiPropertyOptional({ description: 'Why this person decides (required for a decision-maker)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  decisionReason?: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}

export class LogContactAttemptDto {
  @ApiProperty({ enum: ATTEMPT_CHANNELS })
  @IsIn(ATTEMPT_CHANNELS)
  channel!: (typeof ATTEMPT_CHANNELS)[number];

  @ApiProperty({ enum: ATTEMPT_OUTCOMES })
  @IsIn(ATTEMPT_OUTCOMES)
  outcome!: (typeof ATTEMPT_OUTCOMES)[number];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ description: 'When it happened; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

export class ScheduleMeetingDto {
  @ApiProperty({ description: 'A contact of the prospect; at primary contact it must be a decision-maker' })
  @IsUUID()
  contactId!: string;

  @IsISO8601({ strict: true })
  scheduledAt!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  agenda?: string;
}

export class MeetingHeldDto {
  @ApiProperty({ description: 'When it was held; never in the future' })
  @IsISO8601({ strict: true })
  heldAt!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CancelMeetingDto {
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class RescheduleMeetingDto {
  @IsISO8601({ strict: true })
  scheduledAt!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
