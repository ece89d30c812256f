import { Injectable } from '@nestjs/common';
import { WEBHOOK_SIGNATURE_HEADER, webhookSignatureHeader } from '@dealgate/domain';
import { NotificationsEnv } from '../notifications.env';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** One signed POST. Any 2xx is a success; anything else (or no answer in time) is a failed attempt. */
@Injectable()
export class WebhookSender {
  constructor(private readonly config: NotificationsEnv) {}

  async post(input: {
    url: string;
    secret: string;
    body: string;
    deliveryId: string;
    eventType: string;
  }): Promise<SendResult> {
    // The wall clock, not the injectable Clock: receivers compare it with their own clock to refuse replays.
    const timestamp = Math.floor(Date.now() / 1000);
    const started = Date.now();
    try {
      const response = await fetch(input.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Dealgate-Webhooks/1',
          [WEBHOOK_SIGNATURE_HEADER]: webhookSignatureHeader(input.secret, timestamp, input.body),
          'X-Dealgate-Delivery': input.deliveryId,
          'X-Dealgate-Event': input.eventType,
        },
        body: input.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
      });
      await response.body?.cancel();
      const ok = response.status >= 200 && response.status < 300;
      return {
        ok,
        statusCode: response.status,
        error: ok ? null : `HTTP ${response.status}`,
        durationMs: Date.now() - started,
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return {
        ok: false,
        statusCode: null,
        error: cause ?? (error as Error).message,
        durationMs: Date.now() - started,
      };
    }
  }
}
