// What WebhookRepository takes besides the record it hands out (WebhookRecord, webhook.view.ts, which the API also
// answers with). The entity (webhook.entity.ts) stays inside the repositories.

export interface NewWebhook {
  url: string;
  eventTypes: string[];
  sealedSecret: string;
  description: string | null;
  createdBy: string;
}

export interface WebhookChanges {
  url?: string;
  eventTypes?: string[];
  sealedSecret?: string;
  description?: string | null;
  /** true re-enables a disabled webhook and forgets its failures; false pauses it. */
  active?: boolean;
}
