import { ApiProperty } from '@nestjs/swagger';

export class DelegationView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  approverId!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  delegateId!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  startsAt!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  endsAt!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  revokedAt!: string | null;
}
