import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { Page, PageOf, toPage, CommonErrorCode, Refuses } from '@dealgate/common';
import { Role } from '@dealgate/domain';
import { Roles } from '@dealgate/auth';
import { DeadLetter, DeadLetterStore } from './dead-letters';
import { DeadLetterQuery } from './dead-letter.dto';

/** Ops endpoints of every service; the gateway exposes them as /api/ops/<service>/dead-letters. */
@ApiTags('ops')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('ops/dead-letters')
export class DeadLetterController {
  constructor(private readonly store: DeadLetterStore) {}

  @Get()
  @ApiOperation({ summary: 'Jobs that failed for good, newest first (admin)' })
  @ApiOkResponse({ type: PageOf(DeadLetter) })
  async list(@Query() query: DeadLetterQuery): Promise<Page<DeadLetter>> {
    const { items, total } = await this.store.list(query);
    return toPage(items, total, query);
  }

  @Post(':id/replay')
  @ApiOperation({ summary: 'Put a dead letter back on its queue with a fresh attempt budget (admin)' })
  @Refuses(CommonErrorCode.NotFound)
  async replay(@Param('id', ParseUUIDPipe) id: string): Promise<DeadLetter> {
    const replayed = await this.store.replay(id);
    if (!replayed) throw new NotFoundException({ code: 'not_found', message: `No dead letter ${id}.` });
    return replayed;
  }
}
