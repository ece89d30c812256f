import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '@dealgate/common';

export class DeadLetterQuery extends PageQuery {
  @ApiPropertyOptional({ default: false, description: 'also list dead letters already replayed' })
  @IsOptional()
  // Query strings are text: only "true" means true (a plain Boolean cast would turn "false" into true).
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  includeReplayed = false;
}
