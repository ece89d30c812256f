import { ApiProperty } from '@nestjs/swagger';
import { ALL_ROLES, Role } from '@dealgate/domain';

/** A unit member as a colleague sees them: who, and what they do. No e-mail. */
export class UnitMemberDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ enum: ALL_ROLES, enumName: 'Role', isArray: true })
  roles!: Role[];
}
