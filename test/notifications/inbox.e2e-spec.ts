import { randomUUID } from 'node:crypto';
import { Role } from '@dealgate/domain';
import { JobName, TaskAssignedPayload } from '@dealgate/messages';
import { seedDirectory, tokenFor, waitFor, callApi } from '@dealgate/testing';
import { RunningNotifications, startNotifications } from './support/notifications-harness';

// The in-app inbox and preferences over HTTP, fed by events on the service's queue.
describe('notifications inbox and preferences', () => {
  let svc: RunningNotifications;
  const ann = randomUUID();
  const bob = randomUUID();
  const legalLead = randomUUID();
  // Legal by role only: no directory group membership, still a member of the legal group (groupsForRoles).
  const lena = randomUUID();
  const annToken = tokenFor({ userId: ann, roles: [Role.Legal] });
  const bobToken = tokenFor({ userId: bob, roles: [Role.Legal] });

  const task = (over: Partial<TaskAssignedPayload> = {}): TaskAssignedPayload => ({
    taskId: randomUUID(),
    caseId: randomUUID(),
    group: 'legal',
    assigneeId: ann,
    title: 'Draft contract',
    dueAt: null,
    ...over,
  });

  interface Item {
    id: string;
    title: string;
    url: string;
    readAt: string | null;
    data: Record<string, unknown>;
  }
  interface Answer {
    items: Item[];
    total: number;
    unread: number;
    marked: number;
    readAt: string | null;
    code: string;
    digest: string;
    events: { eventType: string; inApp: boolean; email: boolean }[];
    fields: { field: string }[];
    id: string;
  }

  async function call(method: string, path: string, token: string | null, body?: unknown) {
    return callApi<Answer>(svc.url, method, `/api${path}`, { token: token ?? undefined, body });
  }

  beforeAll(async () => {
    svc = await startNotifications();
    await seedDirectory(
      svc.db.url,
      ['notifications'],
      [
        { userId: ann, roles: [Role.Legal], groups: ['legal'] },
        { userId: bob, roles: [Role.Legal], groups: ['legal'] },
        { userId: legalLead, roles: [Role.Legal], groups: ['legal'], leadOf: ['legal'] },
        { userId: lena, roles: [Role.Legal] },
      ],
    );
  });

  afterAll(() => svc?.stop());

  it('lists my items unread first, counts unread, marks one and then all read', async () => {
    const first = await svc.emit(JobName.TaskAssigned, task({ title: 'First' }));
    const second = await svc.emit(JobName.TaskAssigned, task({ title: 'Second' }));
    await waitFor(
      async () =>
        (await svc.count(`SELECT count(*) FROM notifications.notification WHERE message_id = ANY($1::uuid[])`, [
          [first.messageId, second.messageId],
        ])) === 2,
      { what: 'two inbox items' },
    );

    const list = await call('GET', '/notifications', annToken);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i) => i.title)).toEqual([
      'Task assigned to you: Second',
      'Task assigned to you: First',
    ]);
    expect(list.body.items[0].url).toMatch(/\/tasks\/[0-9a-f-]{36}$/);
    // The event's facts travel with the item, so a client can word it in its own language.
    expect(list.body.items[0].data).toEqual({
      ...task({ title: 'Second' }),
      taskId: expect.any(String),
      caseId: expect.any(String),
    });
    expect((await call('GET', '/notifications/unread-count', annToken)).body).toEqual({ unread: 2 });

    // Reading the newest moves it behind the unread one.
    const newest = list.body.items[0];
    const read = await call('POST', `/notifications/${newest.id}/read`, annToken);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const after = await call('GET', '/notifications', annToken);
    expect(after.body.items.map((i) => i.title)).toEqual([
      'Task assigned to you: First',
      'Task assigned to you: Second',
    ]);
    expect((await call('GET', '/notifications?unread=true', annToken)).body.total).toBe(1);

    expect((await call('POST', '/notifications/read-all', annToken)).body).toEqual({ marked: 1 });
    expect((await call('GET', '/notifications/unread-count', annToken)).body).toEqual({ unread: 0 });
  });

  it('never shows or changes someone else’s item', async () => {
    const mine = (await call('GET', '/notifications', annToken)).body.items[0];
    expect((await call('GET', '/notifications', bobToken)).body.total).toBe(0);
    const foreign = await call('POST', `/notifications/${mine.id}/read`, bobToken);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('notifications.not_found');
  });

  it('answers 400 naming the field for bad input, 401 without a token', async () => {
    const badId = await call('POST', '/notifications/abc/read', annToken);
    expect(badId.status).toBe(400);
    expect(badId.body.fields[0].field).toBe('id');
    const badPage = await call('GET', '/notifications?limit=0', annToken);
    expect(badPage.status).toBe(400);
    expect(badPage.body.fields[0].field).toBe('limit');
    expect((await call('GET', '/notifications', null)).status).toBe(401);
  });

  it('a group task without assignee reaches every group member; an escalation only the group lead', async () => {
    const queued = await svc.emit(JobName.TaskAssigned, task({ assigneeId: null, title: 'Queue task' }));
    const escalation = await svc.emit(JobName.TaskOverdue, {
      ...task({ title: 'Late task' }),
      level: 'escalation',
      dueAt: new Date().toISOString(),
    });
    await waitFor(
      async () =>
        (await svc.count(`SELECT count(*) FROM notifications.inbox WHERE message_id = ANY($1::uuid[])`, [
          [queued.messageId, escalation.messageId],
        ])) === 2,
      { what: 'both handled' },
    );
    const recipients = async (messageId: string) =>
      await svc.count(`SELECT count(*) FROM notifications.notification WHERE message_id = $1`, [messageId]);
    // The three directory members and the lawyer who is one by her role.
    expect(await recipients(queued.messageId)).toBe(4);
    expect(
      await svc.count(`SELECT count(*) FROM notifications.notification WHERE message_id = $1 AND user_id = $2`, [
        queued.messageId,
        lena,
      ]),
    ).toBe(1);
    expect(
      await svc.count(`SELECT count(*) FROM notifications.notification WHERE message_id = $1 AND user_id = $2`, [
        escalation.messageId,
        legalLead,
      ]),
    ).toBe(1);
    expect(await recipients(escalation.messageId)).toBe(1);
  });

  it('preferences: defaults on, a partial change sticks, in-app off means no inbox item, bad input is refused', async () => {
    const initial = await call('GET', '/notifications/preferences', bobToken);
    expect(initial.body.digest).toBe('off');
    expect(initial.body.events).toContainEqual({ eventType: 'task.assigned', inApp: true, email: true });

    const changed = await call('PUT', '/notifications/preferences', bobToken, {
      digest: 'hourly',
      events: [{ eventType: 'task.assigned', inApp: false }],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.digest).toBe('hourly');
    expect(changed.body.events).toContainEqual({ eventType: 'task.assigned', inApp: false, email: true });
    expect(changed.body.events).toContainEqual({ eventType: 'task.overdue', inApp: true, email: true });

    const bad = await call('PUT', '/notifications/preferences', bobToken, {
      digest: 'weekly',
      events: [{ eventType: 'nope', email: 'yes' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.field).sort()).toEqual(['digest', 'events[0].email', 'events[0].eventType']);
    expect((await call('GET', '/notifications/preferences', bobToken)).body.digest).toBe('hourly');

    const event = await svc.emit(JobName.TaskAssigned, task({ assigneeId: bob }));
    await waitFor(
      async () =>
        (await svc.count(`SELECT count(*) FROM notifications.inbox WHERE message_id = $1`, [event.messageId])) === 1,
      { what: 'handled' },
    );
    expect(
      await svc.count(`SELECT count(*) FROM notifications.notification WHERE message_id = $1`, [event.messageId]),
    ).toBe(0);
    // E-mail stays on, held for Bob's hourly digest.
    expect(
      await svc.count(`SELECT count(*) FROM notifications.mail WHERE message_id = $1 AND status = 'held'`, [
        event.messageId,
      ]),
    ).toBe(1);

    // E-mail off for one event type: the inbox item comes, no e-mail row is written.
    await call('PUT', '/notifications/preferences', bobToken, {
      events: [{ eventType: 'task.overdue', email: false }],
    });
    const overdue = await svc.emit(JobName.TaskOverdue, {
      ...task({ assigneeId: bob }),
      level: 'reminder',
      dueAt: new Date().toISOString(),
    });
    expect(
      await svc.count('SELECT count(*) FROM notifications.notification WHERE message_id = $1', [overdue.messageId]),
    ).toBe(1);
    expect(await svc.count('SELECT count(*) FROM notifications.mail WHERE message_id = $1', [overdue.messageId])).toBe(
      0,
    );
  });
});
