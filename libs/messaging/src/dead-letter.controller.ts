import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Role } from '@dealgate/domain';
import { Roles } from '@dealgate/auth';
import { DeadLetter, DeadLetterStore } from './dead-letters';

export class DeadLetterQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;

  @IsOptional()
  @Type(() => Boolean)
  @IsBoolean()
  includeReplayed = false;
}

/** Ops endpoints of every service; the gateway exposes them as /api/ops/<service>/dead-letters. */
@ApiTags('ops')
@Roles(Role.Admin)
@Controller('ops/dead-letters')
export class DeadLetterController {
  constructor(private readonly store: DeadLetterStore) {}

  @Get()
  @ApiOperation({ summary: 'Jobs that failed for good, newest first (admin)' })
  list(@Query() query: DeadLetterQuery): Promise<{ items: DeadLetter[]; total: number }> {
    return this.store.list(query);
  }

  @Post(':id/replay')
  @ApiOperation({ summary: 'Put a dead letter back on its queue with a fresh attempt budget (admin)' })
  async replay(@Param('id', ParseUUIDPipe) id: string): Promise<DeadLetter> {
    const replayed = await this.store.replay(id);
    if (!replayed) throw new NotFoundException({ code: 'not_found', message: `No dead letter ${id}.` });
    return replayed;
  }
}
