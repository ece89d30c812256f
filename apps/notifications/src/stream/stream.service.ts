import { Injectable, MessageEvent, OnModuleDestroy } from '@nestjs/common';
import {
  Observable,
  Subject,
  asyncScheduler,
  catchError,
  concatMap,
  defer,
  filter,
  from,
  interval,
  map,
  merge,
  mergeMap,
  of,
  switchMap,
  take,
  takeUntil,
  throttleTime,
} from 'rxjs';
import { InboxRepository } from '../inbox/inbox.repository';
import { InboxService } from '../inbox/inbox.service';
import { NotificationsEnv } from '../notifications.env';
import { NotificationFeed } from './notification-feed';

const BATCH = 100;

/**
 * A person's live stream: items with an id above the cursor, in id order. The cursor starts at Last-Event-ID
 * (a reconnect replays what was missed) or at the newest item (a fresh connection shows only what comes next).
 * Every STREAM_REVOCATION_MS it asks `revoked` whether the token that opened it still holds, and ends when not.
 */
@Injectable()
export class StreamService implements OnModuleDestroy {
  // Ends every open stream on shutdown, so the HTTP server can close (clients reconnect to another replica).
  private readonly closing = new Subject<void>();

  constructor(
    private readonly inbox: InboxRepository,
    private readonly views: InboxService,
    private readonly feed: NotificationFeed,
    private readonly config: NotificationsEnv,
  ) {}

  open(userId: string, lastEventId: string | undefined, revoked: () => Promise<boolean>): Observable<MessageEvent> {
    const revocation = interval(this.config.STREAM_REVOCATION_MS).pipe(
      // A failed check (the database away) keeps the stream; the next one decides.
      concatMap(() => defer(revoked).pipe(catchError(() => of(false)))),
      filter(Boolean),
      take(1),
    );
    return defer(async () => {
      const latest = await this.inbox.latestId(userId);
      // An id from the future (e.g. another deployment's) would silence the stream: start from now instead.
      return lastEventId !== undefined && BigInt(lastEventId) <= BigInt(latest) ? lastEventId : latest;
    }).pipe(
      switchMap((start) => {
        let cursor = start;
        const tick = interval(this.config.STREAM_POLL_MS);
        const checks = merge(of(undefined), this.feed.changesFor(userId), tick).pipe(
          // Bursts of commits collapse into one query; the trailing check catches the last of them.
          throttleTime(50, asyncScheduler, { leading: true, trailing: true }),
          concatMap(() =>
            defer(() =>
              this.drain(
                userId,
                () => cursor,
                (id) => (cursor = id),
              ),
            ),
          ),
          mergeMap((events) => from(events)),
        );
        // A comment first (so headers go out at once), then one per poll as a keep-alive for proxies.
        const keepAlive = merge(of(undefined), tick).pipe(map((): MessageEvent => ({ comment: 'keep-alive' })));
        return merge(keepAlive, checks);
      }),
      takeUntil(merge(this.closing, revocation)),
    );
  }

  onModuleDestroy(): void {
    this.closing.next();
    this.closing.complete();
  }

  private async drain(userId: string, cursor: () => string, advance: (id: string) => void): Promise<MessageEvent[]> {
    const events: MessageEvent[] = [];
    for (;;) {
      const rows = await this.inbox.after(userId, cursor(), BATCH);
      for (const row of rows) events.push({ id: row.id, type: 'notification', data: this.views.view(row) });
      if (rows.length > 0) advance(rows[rows.length - 1].id);
      if (rows.length < BATCH) return events;
    }
  }
}
