import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { AddressInfo, Server, Socket, connect, createServer } from 'node:net';
import { TestDatabase, createTestDatabase } from '@dealgate/testing';
import { installQueueBackend } from './queue-backend';

/** A TCP door to the test database that can be shut and opened: the database unreachable, then back. */
class DatabaseDoor {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  private constructor(
    readonly port: number,
    private readonly target: URL,
  ) {}

  /** A door on a free port, shut. */
  static async shut(target: URL): Promise<DatabaseDoor> {
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const { port } = probe.address() as AddressInfo;
    await new Promise((done) => probe.close(done));
    return new DatabaseDoor(port, target);
  }

  async open(): Promise<void> {
    if (this.server) return;
    this.server = createServer((client) => {
      const upstream = connect(Number(this.target.port || 5432), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => socket.destroy());
        socket.on('close', () => this.sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((done) => this.server!.listen(this.port, '127.0.0.1', done));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((done) => (this.server ? this.server.close(done) : done(undefined)));
    this.server = undefined;
  }

  url(database: string): string {
    const url = new URL(database);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }
}

// BullMQ's PostgreSQL backend as installQueueBackend installs it, whichever backend the suite's other tests run on:
// this is about that backend's behaviour when the database is away at a queue's first use.
describe('the PostgreSQL queue backend after the database was unreachable', () => {
  let db: TestDatabase;
  let door: DatabaseDoor;
  let queue: Queue | undefined;

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    await installQueueBackend({ kind: 'postgres', connection: {}, prefix: 'unused' }, db.url);
  });

  beforeEach(async () => {
    door = await DatabaseDoor.shut(new URL(db.url));
  });

  afterEach(async () => {
    await door.open();
    await queue?.close();
    queue = undefined;
    await door.close();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('a queue whose first use failed (database down) publishes once the database is back', async () => {
    queue = new Queue('door-test', { connection: { connectionString: door.url(db.url) }, prefix: `t${randomUUID()}` });
    await expect(queue.add('ping', { n: 1 })).rejects.toThrow(/ECONNREFUSED/);
    await door.open();
    const job = await queue.add('ping', { n: 2 });
    expect(await queue.getJob(job.id!)).toMatchObject({ name: 'ping', data: { n: 2 } });
    expect(await queue.count()).toBe(1);
  });
});
