import { randomUUID } from 'node:crypto';
import { startService } from '@dealgate/chassis';
import { Role } from '@dealgate/domain';
import { ApprovalDecidedPayload, JobName } from '@dealgate/messages';
import { seedDirectory, testEnv, tokenFor, waitFor } from '@dealgate/testing';
import { notificationsService } from '../../apps/notifications/src/notifications.service-definition';
import { RunningNotifications, startNotifications } from './support/notifications-harness';
import { openSse } from './support/sse-client';

describe('notifications live stream (SSE)', () => {
  let svc: RunningNotifications;
  const ann = randomUUID();
  const bob = randomUUID();
  const annToken = tokenFor({ userId: ann, roles: [Role.Salesperson] });
  const streams: { close(): void }[] = [];

  const decided = (
    requesterId: string,
    outcome: ApprovalDecidedPayload['outcome'] = 'approved',
  ): ApprovalDecidedPayload => ({
    requestId: randomUUID(),
    subjectKind: 'offer',
    subjectId: randomUUID(),
    subjectVersion: 1,
    outcome,
    requesterId,
    decidedBy: randomUUID(),
    comment: null,
    decidedAt: new Date().toISOString(),
  });

  async function open(
    headers: Record<string, string> = { authorization: `Bearer ${annToken}` },
    query = '',
    base = svc.url,
  ) {
    const stream = await openSse(`${base}/api/notifications/stream${query}`, headers);
    streams.push(stream);
    return stream;
  }

  beforeAll(async () => {
    // Polling far apart: only LISTEN/NOTIFY can make these tests pass in time.
    svc = await startNotifications({ STREAM_POLL_MS: '600000' });
    await seedDirectory(
      svc.db.url,
      ['notifications'],
      [
        { userId: ann, roles: [Role.Salesperson] },
        { userId: bob, roles: [Role.Salesperson] },
      ],
    );
  });

  afterAll(async () => {
    for (const s of streams) s.close();
    await svc?.stop();
  });

  it('pushes a notification created after the client connected, and only the recipient’s', async () => {
    await svc.emit(JobName.ApprovalDecided, decided(ann)); // before connecting: not replayed to a fresh client
    const stream = await open();
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain('text/event-stream');
    await waitFor(() => stream.comments() > 0, { what: 'the opening comment' });

    await svc.emit(JobName.ApprovalDecided, decided(bob));
    await svc.emit(JobName.ApprovalDecided, decided(ann, 'rejected'));
    const [event] = await stream.waitForEvents(1);
    expect(event.event).toBe('notification');
    const data = JSON.parse(event.data!) as { id: string; title: string; eventType: string };
    expect(data).toMatchObject({ id: event.id, eventType: 'approval.decided', title: 'Commercial offer rejected' });
    await new Promise((r) => setTimeout(r, 200)); // bob's item must not follow
    expect(stream.events).toHaveLength(1);
  });

  it('a reconnect with Last-Event-ID replays exactly what was missed, in order, then continues live', async () => {
    const first = await open();
    await waitFor(() => first.comments() > 0, { what: 'connected' });
    await svc.emit(JobName.ApprovalDecided, decided(ann));
    const [seen] = await first.waitForEvents(1);
    first.close();

    const missed = [decided(ann), decided(ann, 'rejected')];
    for (const payload of missed) await svc.emit(JobName.ApprovalDecided, payload);

    const again = await open({ authorization: `Bearer ${annToken}`, 'last-event-id': seen.id! });
    const replayed = await again.waitForEvents(2);
    const ids = replayed.map((e) => BigInt(e.id!));
    expect(ids[0] > BigInt(seen.id!)).toBe(true);
    expect(ids[1] > ids[0]).toBe(true);
    expect(replayed.map((e) => (JSON.parse(e.data!) as { title: string }).title)).toEqual([
      'Commercial offer approved',
      'Commercial offer rejected',
    ]);

    await svc.emit(JobName.ApprovalDecided, decided(ann));
    const newest = (await again.waitForEvents(3))[2].id!;
    again.close();

    // An id this inbox never issued does not silence the stream: it continues from the newest item.
    const future = await open({ authorization: `Bearer ${annToken}`, 'last-event-id': '999999999' });
    await waitFor(() => future.comments() > 0, { what: 'connected' });
    await svc.emit(JobName.ApprovalDecided, decided(ann));
    const [next] = await future.waitForEvents(1);
    expect(BigInt(next.id!) > BigInt(newest)).toBe(true);
  });

  it('authenticates: 401 without a token, ?access_token= for EventSource, 400 for a malformed Last-Event-ID', async () => {
    expect((await open({})).status).toBe(401);
    expect(
      (await open({}, `?access_token=${tokenFor({ userId: ann, roles: [Role.Salesperson] }).slice(0, -2)}xx`)).status,
    ).toBe(401);
    const viaQuery = await open({}, `?access_token=${annToken}`);
    expect(viaQuery.status).toBe(200);
    await waitFor(() => viaQuery.comments() > 0, { what: 'connected' });
    await svc.emit(JobName.ApprovalDecided, decided(ann));
    await viaQuery.waitForEvents(1);
    expect((await open({ authorization: `Bearer ${annToken}`, 'last-event-id': 'abc' })).status).toBe(400);
  });

  it('a stream on another replica receives items written by this one (LISTEN/NOTIFY across replicas)', async () => {
    const replica = await startService(notificationsService, testEnv(svc.db.url, { STREAM_POLL_MS: '600000' }));
    try {
      const stream = await open(undefined, '', replica.url);
      await waitFor(() => stream.comments() > 0, { what: 'connected to the replica' });
      await svc.emit(JobName.ApprovalDecided, decided(ann)); // handled by the first instance's worker
      const [event] = await stream.waitForEvents(1);
      expect(event.event).toBe('notification');
      stream.close();
    } finally {
      await replica.app.close();
    }
  });
});
