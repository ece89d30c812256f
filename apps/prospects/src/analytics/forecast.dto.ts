import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MAX_PAGE_OFFSET } from '@dealgate/common';

/** The scope filters (narrowed by the caller's role, see AnalyticsScopeResolver) and the as-of time. */
export class ForecastScopeQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  salespersonId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  productLineId?: string;

  @ApiPropertyOptional({
    example: '2026-10-01',
    description: 'forecast as it would have been made at this time (ISO date or date-time, UTC); default now',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 date or date-time' })
  asOf?: string;
}

export class ForecastQuery extends ForecastScopeQuery {
  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 100, description: 'open deals listed, most likely first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 10;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_PAGE_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_OFFSET)
  offset = 0;
}

export class ForecastBacktestQuery extends ForecastScopeQuery {
  @ApiPropertyOptional({
    default: 6,
    minimum: 1,
    maximum: 12,
    description: 'monthly origins to replay, the latest whose next three months are over',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  origins = 6;
}
