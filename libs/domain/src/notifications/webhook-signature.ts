import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook deliveries are signed like Stripe's: `X-Dealgate-Signature: t=<unix seconds>,v1=<hex>` where the hex is
 * HMAC-SHA256(secret, `${t}.${rawBody}`). The timestamp inside the signed text stops replays of old deliveries.
 */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Dealgate-Signature';

export function webhookSignature(secret: string, timestampSec: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSec}.${body}`, 'utf8').digest('hex');
}

export function webhookSignatureHeader(secret: string, timestampSec: number, body: string): string {
  return `t=${timestampSec},v1=${webhookSignature(secret, timestampSec, body)}`;
}

/** Checks a received header against the raw body; refuses a timestamp further than `toleranceSec` from now. */
export function verifyWebhookSignature(input: {
  header: string | undefined;
  body: string;
  secret: string;
  nowSec: number;
  toleranceSec?: number;
}): boolean {
  if (!input.header) return false;
  const parts = new Map(
    input.header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(input.nowSec - t) > (input.toleranceSec ?? 300)) return false;
  const expected = Buffer.from(webhookSignature(input.secret, t, input.body), 'hex');
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}
