import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startService } from '@dealgate/chassis';
import { Role } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { queryOnce, seedDirectory, testEnv, tokenFor, waitFor, fetchWithContract } from '@dealgate/testing';
import { gatewayService } from '../../apps/gateway/src/gateway.service-definition';
import { RunningNotifications, startNotifications } from './support/notifications-harness';
import { openSse } from './support/sse-client';

// The console reaches the stream through the gateway's proxy, with the token in the query (EventSource).
describe('notifications through the gateway', () => {
  let svc: RunningNotifications;
  let gateway: { app: NestExpressApplication; url: string };
  const ann = randomUUID();
  const token = tokenFor({ userId: ann, roles: [Role.Legal] });

  beforeAll(async () => {
    svc = await startNotifications({ STREAM_POLL_MS: '600000' });
    // Only the notifications service is up; the gateway never calls the others in this test.
    gateway = await startService(gatewayService, testEnv(svc.db.url, { NOTIFICATIONS_URL: svc.url }));
    await seedDirectory(svc.db.url, ['notifications'], [{ userId: ann, roles: [Role.Legal], groups: ['legal'] }]);
  });

  afterAll(async () => {
    await gateway?.app.close();
    await svc?.stop();
  });

  it('streams a new notification and serves the inbox via /api/notifications', async () => {
    const stream = await openSse(`${gateway.url}/api/notifications/stream?access_token=${token}`);
    expect(stream.status).toBe(200);
    await waitFor(() => stream.comments() > 0, { what: 'connected through the proxy' });
    await svc.emit(JobName.TaskAssigned, {
      taskId: randomUUID(),
      caseId: randomUUID(),
      group: 'legal',
      assigneeId: ann,
      title: 'Draft',
      dueAt: null,
    });
    const [event] = await stream.waitForEvents(1);
    stream.close();

    const list = await fetchWithContract(`${gateway.url}/api/notifications`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await list.json()) as { items: { id: string }[] };
    expect(body.items.map((i) => i.id)).toEqual([event.id]);
  });

  // Issue #16: the gateway's deactivation check read only the Authorization header; the stream answered 200.
  it("refuses a deactivated user's stream token in the query", async () => {
    const gone = randomUUID();
    await queryOnce(
      svc.db.url,
      `INSERT INTO gateway.app_user (id, email, name, password_hash, roles, active) VALUES ($1, $2, 'Gone', 'x', '{legal}', false)`,
      [gone, `gone-${gone}@example.test`],
    );
    const goneToken = tokenFor({ userId: gone, roles: [Role.Legal] });
    const stream = await openSse(`${gateway.url}/api/notifications/stream?access_token=${goneToken}`);
    expect(stream.status).toBe(401);
    stream.close();
  });
});
