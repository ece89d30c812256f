import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '@dealgate/auth';
import { Role } from '@dealgate/domain';
import { OutboxStatus, readOutboxStatus } from './outbox-status';

/** Every service's relay backlog; the gateway shows it as /api/ops/<service>/outbox and in /api/system/status. */
@ApiTags('ops')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('ops/outbox')
export class OutboxStatusController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Unsent outbox rows of this service and the age of the oldest (admin)' })
  @ApiOkResponse({ type: OutboxStatus })
  status(): Promise<OutboxStatus> {
    return readOutboxStatus(this.dataSource);
  }
}
