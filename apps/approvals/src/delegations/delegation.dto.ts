import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@dealgate/common';

export class CreateDelegationDto {
  @ApiProperty({ description: 'The colleague who may decide in your place' })
  @IsUUID()
  delegateId!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'Inclusive' })
  @Type(() => Date)
  @IsDate()
  startsAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'Exclusive' })
  @Type(() => Date)
  @IsDate()
  endsAt!: Date;
}

export class DelegationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['given', 'received'] })
  @IsOptional()
  @IsIn(['given', 'received'])
  role?: 'given' | 'received';

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Only delegations running at this time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  activeAt?: Date;
}
