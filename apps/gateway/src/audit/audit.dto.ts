import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@dealgate/common';
import { AuditEvent } from './audit.repository';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AuditEvent })
  @IsOptional()
  @IsEnum(AuditEvent)
  event?: AuditEvent;

  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: '2026-10-01T00:00:00Z',
    description: 'Only events at or after this moment (ISO 8601; a bare date means its start in UTC)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: '2026-11-01T00:00:00Z',
    description: 'Only events before this moment, excluded (ISO 8601; a bare date means its start in UTC)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}
