import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
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
}
