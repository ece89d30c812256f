import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Role } from '@dealgate/domain';
import { Roles } from '@dealgate/auth';
import { Page, PageQuery, toPage } from '@dealgate/common';
import { AuditEvent, AuditRecord, AuditRepository } from './audit.repository';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AuditEvent })
  @IsOptional()
  @IsEnum(AuditEvent)
  event?: AuditEvent;

  @IsOptional()
  @IsUUID()
  actorUserId?: string;
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Security audit log, newest first: logins, failed logins, role changes, API key use (admin)',
  })
  async list(@Query() query: AuditQuery): Promise<Page<AuditRecord>> {
    const { items, total } = await this.audit.list(query);
    return toPage(items, total, query);
  }
}
