import { Injectable } from '@nestjs/common';
import { WEBHOOK_SIGNATURE_HEADER, webhookSignatureHeader } from '@dealgate/domain';
import { NotificationsEnv } from '../notifications.env';
import { pinnedPost } from './pinned-post';
import { WebhookDestinationGuard } from './webhook-destination-guard';

/**
 * What the delivery log says about a failed attempt. Generic on purpose: no resolved address, no socket error,
 * so the log cannot map the network behind the service (a port scanner); `detail` is for the service's own log.
 */
export const DeliveryFailure = {
  NotAllowed: 'destination not allowed',
  ConnectionFailed: 'connection failed',
  Timeout: 'timeout',
} as const;

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  /** Why, for the operator's log only (never stored in the delivery log nor answered by the API). */
  detail: string | null;
  durationMs: number;
}

/**
 * One signed POST. The destination is vetted (SSRF policy) before every attempt and the connection goes to the
 * vetted addresses only. Any 2xx is a success; anything else, a 3xx included (redirects are not followed), a
 * refused destination, or no answer within WEBHOOK_TIMEOUT_MS is a failed attempt.
 */
@Injectable()
export class WebhookSender {
  constructor(
    private readonly config: NotificationsEnv,
    private readonly guard: WebhookDestinationGuard,
  ) {}

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
    const signal = AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS);
    const failed = (error: string, detail: string): SendResult => ({
      ok: false,
      statusCode: null,
      error,
      detail,
      durationMs: Date.now() - started,
    });
    const destination = await this.guard.vet(input.url, signal);
    if (!destination.allowed) {
      const error = { not_allowed: DeliveryFailure.NotAllowed, unresolved: DeliveryFailure.ConnectionFailed };
      return failed(destination.why === 'timeout' ? DeliveryFailure.Timeout : error[destination.why], destination.why);
    }
    try {
      const status = await pinnedPost(
        new URL(input.url),
        destination.addresses,
        {
          'content-type': 'application/json',
          'user-agent': 'Dealgate-Webhooks/1',
          [WEBHOOK_SIGNATURE_HEADER]: webhookSignatureHeader(input.secret, timestamp, input.body),
          'X-Dealgate-Delivery': input.deliveryId,
          'X-Dealgate-Event': input.eventType,
        },
        input.body,
        signal,
      );
      const ok = status >= 200 && status < 300;
      return {
        ok,
        statusCode: status,
        error: ok ? null : `HTTP ${status}`,
        detail: null,
        durationMs: Date.now() - started,
      };
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as Error).message;
      return failed(signal.aborted ? DeliveryFailure.Timeout : DeliveryFailure.ConnectionFailed, code);
    }
  }
}
