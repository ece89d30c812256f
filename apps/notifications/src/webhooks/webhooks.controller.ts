import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { CommonErrorCode, Page, PageOf, Refuses } from '@dealgate/common';
import { Role, NotificationErrorCode } from '@dealgate/domain';
import { CreateWebhookDto, DeliveryListQuery, UpdateWebhookDto, WebhookListQuery } from './webhook.dto';
import { DeliveryRecord, WebhookRecord } from './webhook.view';
import { WebhooksService } from './webhooks.service';

/** Signed outgoing webhooks (docs/webhooks.md). Admin only: they send business events out of the system. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({
    summary: 'Register a webhook: URL, event types and a signing secret',
    description:
      'The URL must reach public addresses only (or a host on WEBHOOK_ALLOW_HOSTS): a loopback, private, ' +
      'link-local or metadata destination answers 400 `webhooks.destination_not_allowed` naming `url`.',
  })
  @Refuses(NotificationErrorCode.WebhookDestinationNotAllowed)
  create(@Body() dto: CreateWebhookDto, @CurrentUser() admin: Principal): Promise<WebhookRecord> {
    return this.webhooks.create(dto, admin);
  }

  @Get()
  @ApiOperation({ summary: 'List webhooks, newest first' })
  @ApiOkResponse({ type: PageOf(WebhookRecord) })
  list(@Query() query: WebhookListQuery): Promise<Page<WebhookRecord>> {
    return this.webhooks.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook with its health (consecutive failures, disabled time)' })
  @Refuses(NotificationErrorCode.WebhookNotFound)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookRecord> {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a webhook; `active: true` re-enables a disabled one' })
  @Refuses(NotificationErrorCode.WebhookNotFound, NotificationErrorCode.WebhookDestinationNotAllowed)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateWebhookDto): Promise<WebhookRecord> {
    return this.webhooks.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiOperation({ summary: 'Delete a webhook and its delivery log' })
  @Refuses(NotificationErrorCode.WebhookNotFound)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.webhooks.remove(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Delivery log of a webhook, newest first, each with its attempts' })
  @ApiOkResponse({ type: PageOf(DeliveryRecord) })
  @Refuses(NotificationErrorCode.WebhookNotFound)
  deliveries(@Param('id', ParseUUIDPipe) id: string, @Query() query: DeliveryListQuery): Promise<Page<DeliveryRecord>> {
    return this.webhooks.deliveriesOf(id, query);
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a test event (`webhook.test`) to a webhook through the normal delivery path',
    description:
      'Adds a delivery to the webhook’s log and sends it at once: signed, retried and logged like any other. ' +
      'A paused or disabled webhook answers 409 `conflict` (switch it on first).',
  })
  @ApiAcceptedResponse({
    type: DeliveryRecord,
    description: 'The new delivery, pending; its attempts follow in the log',
  })
  @Refuses(NotificationErrorCode.WebhookNotFound, CommonErrorCode.Conflict)
  sendTest(@Param('id', ParseUUIDPipe) id: string): Promise<DeliveryRecord> {
    return this.webhooks.sendTest(id);
  }
}
