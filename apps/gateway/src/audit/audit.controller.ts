import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { Role } from '@dealgate/domain';
import { Roles } from '@dealgate/auth';
import { Page, PageOf, toPage } from '@dealgate/common';
import { AuditRecord, AuditRepository } from './audit.repository';
import { AuditQuery } from './audit.dto';

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
  @ApiOkResponse({ type: PageOf(AuditRecord) })
  async list(@Query() query: AuditQuery): Promise<Page<AuditRecord>> {
    const { items, total } = await this.audit.list(query);
    return toPage(items, total, query);
  }
}
