import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { ALL_ROLES, IdentityErrorCode } from '@dealgate/domain';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { Page, PageOf, PageQuery, Refuses } from '@dealgate/common';
import { Actor, CurrentActor } from '../audit/actor';
import { ApiKeyView, CreateApiKeyDto, CreatedApiKey } from './api-keys.dto';
import { ApiKeysService } from './api-keys.service';

@ApiTags('auth')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller('auth/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key scoped to some of your roles; the key is shown only in this answer' })
  @Refuses(IdentityErrorCode.UserNotFound, IdentityErrorCode.ScopeExceedsRoles)
  create(@Body() dto: CreateApiKeyDto, @CurrentActor() actor: Actor): Promise<CreatedApiKey> {
    return this.keys.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Your API keys (an admin sees all), without the secrets' })
  @ApiOkResponse({ type: PageOf(ApiKeyView) })
  list(@Query() query: PageQuery, @CurrentUser() principal: Principal): Promise<Page<ApiKeyView>> {
    return this.keys.list(principal, query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one of your API keys (an admin: any key)' })
  @Refuses(IdentityErrorCode.ApiKeyNotFound)
  revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() principal: Principal,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.keys.revoke(principal, actor, id);
  }
}
