import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, openNotificationStream } from './live';

interface FakeSession {
  token: string | null;
  listeners: Set<() => void>;
}
const state: FakeSession = vi.hoisted(() => ({ token: 'token-1', listeners: new Set<() => void>() }));
vi.mock('../../api/session', () => ({
  session: {
    token: () => state.token,
    subscribe: (listener: () => void) => {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
  },
}));

class FakeSource {
  static all: FakeSource[] = [];
  closed = false;
  private handlers = new Map<string, ((e: unknown) => void)[]>();
  constructor(readonly url: string) {
    FakeSource.all.push(this);
  }
  addEventListener(name: string, handler: (e: unknown) => void) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }
  emit(name: string, event: unknown = {}) {
    this.handlers.get(name)?.forEach((h) => h(event));
  }
  close() {
    this.closed = true;
  }
}

const setToken = (token: string | null) => {
  state.token = token;
  state.listeners.forEach((l) => l());
};
const create = (url: string) => new FakeSource(url) as unknown as EventSource;

describe('the notification stream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSource.all = [];
    state.token = 'token-1';
    state.listeners.clear();
  });
  afterEach(() => vi.useRealTimers());

  it('passes the token in the query and hands each notification over', () => {
    const seen: unknown[] = [];
    const stop = openNotificationStream({ onNotification: (d) => seen.push(d) }, { createSource: create });
    expect(FakeSource.all[0].url).toBe('/api/notifications/stream?access_token=token-1');
    FakeSource.all[0].emit('notification', { data: '{"id":"7","title":"Approval needed"}', lastEventId: '7' });
    expect(seen).toEqual([{ id: '7', title: 'Approval needed' }]);
    stop();
    expect(FakeSource.all[0].closed).toBe(true);
  });

  it('reopens after a drop with growing pauses, renewing the token first', async () => {
    const renew = vi.fn(() => {
      state.token = 'token-2';
      return Promise.resolve();
    });
    openNotificationStream(
      { onNotification: () => undefined },
      { createSource: create, beforeReconnect: renew, baseDelayMs: 1000 },
    );
    FakeSource.all[0].emit('error');
    expect(FakeSource.all[0].closed).toBe(true);
    await vi.advanceTimersByTimeAsync(1300);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(FakeSource.all).toHaveLength(2);
    expect(FakeSource.all[1].url).toContain('access_token=token-2');
    // A second failure in a row waits about twice as long.
    FakeSource.all[1].emit('error');
    await vi.advanceTimersByTimeAsync(1300);
    expect(FakeSource.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1300);
    expect(FakeSource.all).toHaveLength(3);
  });

  it('opens a new stream when the token is renewed, and closes on logout', () => {
    openNotificationStream({ onNotification: () => undefined }, { createSource: create });
    setToken('token-3');
    expect(FakeSource.all[0].closed).toBe(true);
    expect(FakeSource.all[1].url).toContain('access_token=token-3');
    setToken(null);
    expect(FakeSource.all[1].closed).toBe(true);
    expect(FakeSource.all).toHaveLength(2);
  });

  it('caps the pause', () => {
    expect(backoffDelay(1, 1000, 30_000, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, 1000, 30_000, () => 0.5)).toBe(4000);
    expect(backoffDelay(20, 1000, 30_000, () => 0.5)).toBe(30_000);
  });
});
