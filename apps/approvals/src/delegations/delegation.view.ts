import { ApiProperty } from '@nestjs/swagger';

export class DelegationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  approverId!: string;
  @ApiProperty({ format: 'uuid' })
  delegateId!: string;
  @ApiProperty({ format: 'date-time' })
  startsAt!: string;
  @ApiProperty({ format: 'date-time' })
  endsAt!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  revokedAt!: string | null;
}
