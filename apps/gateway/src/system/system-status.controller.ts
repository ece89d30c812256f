import { Controller, Get, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@dealgate/auth';
import { Role } from '@dealgate/domain';
import { SystemStatusService } from './system-status.service';
import { SystemStatus } from './system-status.view';

@ApiTags('system')
@ApiBearerAuth()
@Controller('system')
export class SystemStatusController {
  constructor(private readonly system: SystemStatusService) {}

  @Get('status')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Health of every service, queue backlog, outbox age and the build (admin)',
    description:
      'Always 200 while the gateway runs: a service that does not answer is `down` with a null outbox, a queue ' +
      'store that does not answer gives null counts and an error; `status` is then `degraded`.',
  })
  @ApiOkResponse({ type: SystemStatus })
  // The caller's token goes on to each service's outbox endpoint (not an input of this operation).
  status(@Req() request: Request): Promise<SystemStatus> {
    return this.system.status(request.headers.authorization ?? '');
  }
}
