import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import {
  NotificationErrorCode,
  WebhookAllowList,
  destinationVerdict,
  hostNameRefused,
  normalizeHost,
  notificationError,
  parseWebhookAllowList,
} from '@dealgate/domain';
import { NotificationsEnv } from '../notifications.env';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Name resolution for webhook hosts (the system resolver, every address). A provider, so a test can replace it. */
@Injectable()
export class WebhookResolver {
  async resolve(host: string): Promise<ResolvedAddress[]> {
    const family = isIP(host);
    if (family === 4 || family === 6) return [{ address: host, family }];
    const found = await lookup(host, { all: true, verbatim: true });
    return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  }
}

/** Where a delivery may connect: the URL's host and the vetted addresses it resolved to. */
export type VettedDestination =
  | { allowed: true; host: string; addresses: ResolvedAddress[] }
  | { allowed: false; why: 'not_allowed' | 'unresolved' | 'timeout' };

/**
 * Applies the SSRF policy of `libs/domain` (webhook-destination.ts) to a URL: refused names before any lookup, then
 * every address the name resolves to. The sender connects only to the addresses answered here.
 */
@Injectable()
export class WebhookDestinationGuard {
  private readonly allowList: WebhookAllowList;

  constructor(
    private readonly resolver: WebhookResolver,
    private readonly config: NotificationsEnv,
  ) {
    this.allowList = parseWebhookAllowList(config.WEBHOOK_ALLOW_HOSTS).list;
  }

  async vet(url: string, signal: AbortSignal): Promise<VettedDestination> {
    const host = normalizeHost(new URL(url).hostname);
    if (hostNameRefused(host, this.allowList)) return { allowed: false, why: 'not_allowed' };
    let addresses: ResolvedAddress[];
    try {
      addresses = await abortable(this.resolver.resolve(host), signal);
    } catch {
      return { allowed: false, why: signal.aborted ? 'timeout' : 'unresolved' };
    }
    const verdict = destinationVerdict(
      host,
      addresses.map((a) => a.address),
      this.allowList,
    );
    return verdict.allowed ? { allowed: true, host, addresses } : { allowed: false, why: 'not_allowed' };
  }

  /**
   * At registration and on a URL change: a 400 naming `url` unless the destination is allowed now. The message is
   * the same whether the host is internal or does not resolve, so the answer tells nothing about the network.
   */
  async assertRegistrable(url: string): Promise<void> {
    const vetted = await this.vet(url, AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS));
    if (vetted.allowed) return;
    throw notificationError(
      NotificationErrorCode.WebhookDestinationNotAllowed,
      'Webhooks reach public addresses only: this URL’s host is internal, does not resolve, or is not on the ' +
        'allow-list (WEBHOOK_ALLOW_HOSTS).',
      { fields: [{ field: 'url', problems: ['must reach a public address or an allow-listed host'] }] },
    );
  }
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
