import { WebhookDeliverySweep } from './webhook-delivery.sweep';
import type { WebhookDeliveryRepository } from './webhook-delivery.repository';
import type { WebhookSender } from './webhook-sender';
import type { NotificationsEnv } from '../notifications.env';
import type { NotificationMetrics } from '../notification-metrics';

describe('webhook delivery sweep, interrupted deliveries', () => {
  it('releases expired leases every half lease, not at every run', async () => {
    let releases = 0;
    const deliveries = {
      releaseExpiredLeases: () => {
        releases += 1;
        return Promise.resolve(0);
      },
      claimDue: () => Promise.resolve([]),
    } as unknown as WebhookDeliveryRepository;
    // lease: 3 x the timeout = 30 s
    const config = { WEBHOOK_TIMEOUT_MS: 10_000 } as NotificationsEnv;
    const sweep = new WebhookDeliverySweep(deliveries, {} as WebhookSender, config, {} as NotificationMetrics);
    const t0 = Date.parse('2026-12-04T00:00:00Z');
    for (const seconds of [0, 5, 10, 14]) await sweep.run(new Date(t0 + seconds * 1000));
    expect(releases).toBe(1);
    await sweep.run(new Date(t0 + 15_000));
    expect(releases).toBe(2);
  });
});
