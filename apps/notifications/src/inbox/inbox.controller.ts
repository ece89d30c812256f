import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { Page, PageOf, Refuses } from '@dealgate/common';
import { ALL_ROLES, NotificationErrorCode } from '@dealgate/domain';
import { InboxQuery, NotificationIdParam, NotificationView, ReadAllView, UnreadCountView } from './inbox.dto';
import { InboxService } from './inbox.service';

/** Everyone has an inbox; each person sees only their own items. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller('notifications')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: 'My notifications: unread first, then newest first (paginated)' })
  @ApiOkResponse({ type: PageOf(NotificationView) })
  list(@CurrentUser() user: Principal, @Query() query: InboxQuery): Promise<Page<NotificationView>> {
    return this.inbox.list(user.userId, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread' })
  @ApiOkResponse({ type: UnreadCountView })
  unreadCount(@CurrentUser() user: Principal): Promise<UnreadCountView> {
    return this.inbox.unreadCount(user.userId);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: ReadAllView })
  markAllRead(@CurrentUser() user: Principal): Promise<ReadAllView> {
    return this.inbox.markAllRead(user.userId);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read (someone else’s answers 404)' })
  @ApiOkResponse({ type: NotificationView })
  @Refuses(NotificationErrorCode.NotificationNotFound)
  markRead(@CurrentUser() user: Principal, @Param() params: NotificationIdParam): Promise<NotificationView> {
    return this.inbox.markRead(user.userId, params.id);
  }
}
