import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { ALL_ROLES } from '@dealgate/domain';
import { PreferencesView, UpdatePreferencesDto } from './preferences.dto';
import { PreferencesService } from './preferences.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller('notifications/preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @ApiOperation({ summary: 'My notification preferences per event type and channel, and my e-mail digest mode' })
  @ApiOkResponse({ type: PreferencesView })
  get(@CurrentUser() user: Principal): Promise<PreferencesView> {
    return this.preferences.get(user.userId);
  }

  @Put()
  @ApiOperation({ summary: 'Change some of my preferences (only the named event types and channels change)' })
  @ApiOkResponse({ type: PreferencesView })
  update(@CurrentUser() user: Principal, @Body() dto: UpdatePreferencesDto): Promise<PreferencesView> {
    return this.preferences.update(user.userId, dto);
  }
}
