import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { Role, IdentityErrorCode } from '@dealgate/domain';
import { Roles } from '@dealgate/auth';
import { Page, PageOf, Refuses } from '@dealgate/common';
import { Actor, CurrentActor } from '../audit/actor';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserQuery, UserView } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user with roles, unit and task groups (admin)' })
  @Refuses(
    IdentityErrorCode.WeakPassword,
    IdentityErrorCode.AdminWithBusinessRole,
    IdentityErrorCode.LeadOutsideGroup,
    IdentityErrorCode.UnitNotFound,
    IdentityErrorCode.UnitInactive,
    IdentityErrorCode.EmailTaken,
  )
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.create(dto, actor);
  }

  @Get()
  @ApiOperation({ summary: 'List users, filtered by role, unit or status (admin)' })
  @ApiOkResponse({ type: PageOf(UserView) })
  list(@Query() query: UserQuery): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user (admin)' })
  @Refuses(IdentityErrorCode.UserNotFound)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change name, roles, unit or groups (admin; not one's own roles; an admin holds no other role; audited)",
  })
  @Refuses(
    IdentityErrorCode.UserNotFound,
    IdentityErrorCode.OwnRoles,
    IdentityErrorCode.AdminWithBusinessRole,
    IdentityErrorCode.LeadOutsideGroup,
    IdentityErrorCode.UnitNotFound,
    IdentityErrorCode.UnitInactive,
    IdentityErrorCode.LastAdmin,
    IdentityErrorCode.VersionConflict,
  )
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentActor() actor: Actor,
  ): Promise<UserView> {
    return this.users.update(id, dto, actor);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a user: ends their sessions and revokes their API keys (admin)' })
  @Refuses(IdentityErrorCode.UserNotFound, IdentityErrorCode.LastAdmin, IdentityErrorCode.VersionConflict)
  deactivate(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.setActive(id, false, actor);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate a user (admin)' })
  @Refuses(IdentityErrorCode.UserNotFound, IdentityErrorCode.VersionConflict)
  activate(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.setActive(id, true, actor);
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: "Set a user's password and end their sessions (admin)" })
  @Refuses(IdentityErrorCode.UserNotFound, IdentityErrorCode.WeakPassword, IdentityErrorCode.VersionConflict)
  resetPassword(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResetPasswordDto,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.users.resetPassword(id, dto.password, actor);
  }
}
