import type { Queue } from 'bullmq';
import { ServiceName } from '@dealgate/messages';
import type { DataSource } from 'typeorm';
import { OutboxRelay } from './outbox-relay';
import { StoreResetWatch } from './store-reset';

/** A data source whose outbox is always empty (or failing), counting the relay's passes. */
function emptyOutbox() {
  const state = { passes: 0, failing: false };
  const manager = {
    query: () => {
      state.passes += 1;
      return Promise.resolve([]);
    },
  };
  const dataSource = {
    transaction: (work: (m: typeof manager) => Promise<unknown>) =>
      state.failing ? Promise.reject(new Error('database away')) : work(manager),
    query: () => Promise.resolve([[], 0]),
  } as unknown as DataSource;
  return { state, dataSource };
}

/** A marker queue whose marker is there, counting the checks. */
function markerQueue() {
  const state = { checks: 0 };
  const queue = {
    getJob: () => {
      state.checks += 1;
      return Promise.resolve({ id: 'marker' });
    },
  } as unknown as Queue;
  return { state, queue };
}

describe('OutboxRelay idle polling', () => {
  let relay: OutboxRelay | undefined;

  beforeEach(() => jest.useFakeTimers());
  afterEach(async () => {
    const stopping = relay?.stop();
    await jest.runOnlyPendingTimersAsync();
    await stopping;
    relay = undefined;
    jest.useRealTimers();
  });

  const start = (dataSource: DataSource, storeReset?: StoreResetWatch) => {
    relay = new OutboxRelay(dataSource, () => ({}) as Queue, {
      source: ServiceName.Prospects,
      pollMs: 1000,
      idlePollMaxMs: 8000,
      wakeOnCommit: false,
      jobOptions: {},
      storeReset,
    });
    relay.start();
  };

  it('doubles its wait after each pass that found nothing, up to the idle maximum', async () => {
    const outbox = emptyOutbox();
    start(outbox.dataSource);
    await jest.advanceTimersByTimeAsync(0);
    expect(outbox.state.passes).toBe(1);
    // waits 1 s, 2 s, 4 s, then 8 s each time
    for (const [after, passes] of [
      [1000, 2],
      [2000, 3],
      [4000, 4],
      [8000, 5],
      [8000, 6],
      [7999, 6],
      [1, 7],
    ]) {
      await jest.advanceTimersByTimeAsync(after);
      expect(outbox.state.passes).toBe(passes);
    }
  });

  it('goes back to the short poll after a nudge', async () => {
    const outbox = emptyOutbox();
    start(outbox.dataSource);
    await jest.advanceTimersByTimeAsync(1000 + 2000 + 4000);
    expect(outbox.state.passes).toBe(4);
    relay!.nudge();
    await jest.advanceTimersByTimeAsync(10);
    expect(outbox.state.passes).toBe(5);
    await jest.advanceTimersByTimeAsync(1000);
    expect(outbox.state.passes).toBe(6);
  });

  it('looks at the queue store marker on its own period without an outbox pass', async () => {
    const outbox = emptyOutbox();
    const marker = markerQueue();
    const watch = new StoreResetWatch(outbox.dataSource, {
      service: 'prospects',
      marker: () => marker.queue,
      checkEveryMs: 3000,
      republishWindowMs: 60_000,
    });
    start(outbox.dataSource, watch);
    await jest.advanceTimersByTimeAsync(0);
    expect([outbox.state.passes, marker.state.checks]).toEqual([1, 1]);
    // passes at 1 s, 3 s, 7 s, 15 s; checks at 3 s, 6 s, 9 s, 12 s, 15 s
    await jest.advanceTimersByTimeAsync(15_000);
    expect([outbox.state.passes, marker.state.checks]).toEqual([5, 6]);
  });

  it('looks at the marker within the short poll after a failed pass', async () => {
    const outbox = emptyOutbox();
    const marker = markerQueue();
    const watch = new StoreResetWatch(outbox.dataSource, {
      service: 'prospects',
      marker: () => marker.queue,
      checkEveryMs: 60_000,
      republishWindowMs: 60_000,
    });
    start(outbox.dataSource, watch);
    await jest.advanceTimersByTimeAsync(0);
    expect(marker.state.checks).toBe(1);
    outbox.state.failing = true;
    await jest.advanceTimersByTimeAsync(1000); // the failing pass
    expect(marker.state.checks).toBe(1);
    outbox.state.failing = false;
    await jest.advanceTimersByTimeAsync(1000);
    expect(marker.state.checks).toBe(2);
  });
});
