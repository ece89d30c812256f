// What WebhookDeliveryRepository takes and hands out besides DeliveryRecord (webhook.view.ts, which the API also
// answers with). The entities (webhook-delivery.entity.ts, webhook-attempt.entity.ts) stay inside the repository.

/** pending -> delivering -> succeeded | pending (retry) | failed. Stored values: never rename. */
/** The delivery sweep's name, and the commit mark of a transaction that queued a delivery (it wakes the sweep). */
export const WEBHOOK_DELIVERY_SWEEP = 'webhook-deliveries';

export type DeliveryStatus = 'pending' | 'delivering' | 'succeeded' | 'failed';

/** One event to deliver to each of some webhooks. */
export interface DeliveryEvent {
  messageId: string;
  eventType: string;
  body: string;
}

/** A delivery the sweep claimed, with what it needs of its webhook to send it. */
export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  messageId: string;
  eventType: string;
  body: string;
  attempts: number;
  url: string;
  sealedSecret: string;
}

export interface AttemptResult {
  attempt: number;
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}
