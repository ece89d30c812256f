import {
  BadRequestException,
  Controller,
  ExecutionContext,
  MessageEvent,
  Sse,
  Inject,
  createParamDecorator,
} from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags, ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { CurrentUser, PRINCIPAL_REVOCATION, Principal, PrincipalRevocation, Roles } from '@dealgate/auth';
import { ALL_ROLES } from '@dealgate/domain';
import { StreamService } from './stream.service';
import { CommonErrorCode, Refuses } from '@dealgate/common';

/** The Last-Event-ID header: an inbox id; a malformed one is a 400 naming the header. */
const LastEventId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<Request>().headers['last-event-id'];
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && /^\d{1,18}$/.test(value)) return value;
  const problems = ['must be the id of a notification received earlier'];
  throw new BadRequestException({
    code: 'validation_failed',
    message: `Invalid input: Last-Event-ID (${problems[0]})`,
    fields: [{ field: 'Last-Event-ID', problems }],
  });
});

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller('notifications')
export class StreamController {
  constructor(
    private readonly streams: StreamService,
    @Inject(PRINCIPAL_REVOCATION) private readonly revocation: PrincipalRevocation,
  ) {}

  @Sse('stream')
  @ApiOperation({
    summary: 'Live stream of my new notifications (Server-Sent Events)',
    description:
      'Events are named `notification`; `id` is the inbox id and `data` the notification as in the list. Reconnect with ' +
      '`Last-Event-ID` to replay what was missed (EventSource does it by itself). EventSource cannot send headers: pass ' +
      'the token as `?access_token=` instead (it is moved into the Authorization header before logging and routing). ' +
      'The stream ends within seconds of the token being revoked (deactivation, logout, a password or role change); ' +
      'reconnecting with that token is then a 401.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ schema: { type: 'string', description: 'an endless text/event-stream of `notification` events' } })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Replay notifications after this id' })
  @ApiQuery({ name: 'access_token', required: false, description: 'Bearer token for clients that cannot set headers' })
  @Refuses(CommonErrorCode.ValidationFailed)
  stream(@CurrentUser() user: Principal, @LastEventId() lastEventId?: string): Observable<MessageEvent> {
    return this.streams.open(user.userId, lastEventId, async () => (await this.revocation.refusal(user)) !== null);
  }
}
