import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, IdentityErrorCode } from '@dealgate/domain';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { UnitMemberDto } from './unit-members.dto';
import { UnitMembersService } from './unit-members.service';
import { Refuses } from '@dealgate/common';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitMembersController {
  constructor(private readonly members: UnitMembersService) {}

  @Get(':id/members')
  @Roles(Role.Admin, Role.Owner, Role.SalesHead)
  @ApiOperation({
    summary: "Active members of a unit, without e-mails (admin, owner, the unit's head): whom to assign work to",
  })
  @ApiOkResponse({ type: [UnitMemberDto] })
  @Refuses(IdentityErrorCode.UnitNotFound)
  list(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UnitMemberDto[]> {
    return this.members.list(user, id);
  }
}
