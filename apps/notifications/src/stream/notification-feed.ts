import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Observable, Subject, filter, map } from 'rxjs';
import { INBOX_CHANNEL } from '../inbox/inbox.repository';
import { NotificationsEnv } from '../notifications.env';

const ANYONE = '*';
const RECONNECT_MS = 1000;

/**
 * One LISTEN connection per replica: PostgreSQL tells every replica, at commit, whose inbox got a new item, so a
 * stream on any replica learns of items written by any other. After a (re)connect everyone re-checks, which
 * covers what was committed while the connection was down; streams also poll as a last resort.
 */
@Injectable()
export class NotificationFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NotificationFeed.name);
  private readonly signals = new Subject<string>();
  private client?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(private readonly config: NotificationsEnv) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.signals.complete();
    await this.client?.end().catch(() => undefined);
  }

  /** Emits when the person may have new items. */
  changesFor(userId: string): Observable<void> {
    return this.signals.pipe(
      filter((u) => u === userId || u === ANYONE),
      map(() => undefined),
    );
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', (message) => this.signals.next(message.payload ?? ANYONE));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${INBOX_CHANNEL}`);
      this.client = client;
      this.signals.next(ANYONE);
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private lost(client: Client, error?: Error): void {
    if (this.stopped || (this.client && this.client !== client)) return;
    this.client = undefined;
    client.removeAllListeners();
    client.end().catch(() => undefined);
    this.logger.warn(`LISTEN connection lost (${error?.message ?? 'closed'}); reconnecting`);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), RECONNECT_MS);
  }
}
