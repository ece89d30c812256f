import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort, waitFor } from '@dealgate/testing';
import { redisSettingWarnings } from './queue-backend';

// The settings Dealgate relies on from Redis are checked at start, on a Redis of the test's own (it reconfigures it).
describe('Redis settings check', () => {
  let server: ChildProcess;
  let port: number;
  let dir: string | undefined;

  beforeAll(async () => {
    port = await freePort();
    // Its files (the AOF the test switches on) go to a folder of its own, not the working directory.
    dir = mkdtempSync(join(tmpdir(), 'dealgate-redis-'));
    server = spawn(
      'redis-server',
      ['--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru'],
      { stdio: 'ignore' },
    );
    await waitFor(
      async () => {
        const probe = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 0 });
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG';
        } catch {
          return false;
        } finally {
          probe.disconnect();
        }
      },
      { what: 'the test Redis' },
    );
  });

  afterAll(() => {
    server?.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('warns of an evicting policy and of no persistence, and says nothing once both are right', async () => {
    const connection = { host: '127.0.0.1', port };
    const warnings = await redisSettingWarnings(connection);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('maxmemory-policy is "allkeys-lru"');
    expect(warnings[1]).toContain('keeps nothing on disk');

    const admin = new Redis({ port });
    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    await admin.config('SET', 'appendonly', 'yes');
    admin.disconnect();
    expect(await redisSettingWarnings(connection)).toEqual([]);
  });

  it('says when it cannot check at all', async () => {
    const warnings = await redisSettingWarnings({ host: '127.0.0.1', port: await freePort() });
    expect(warnings).toEqual([expect.stringContaining('could not check the Redis settings')]);
  });
});
