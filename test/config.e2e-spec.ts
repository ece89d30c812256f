import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

describe('configuration validated at boot', () => {
  beforeAll(() => {
    execFileSync('node', ['scripts/ensure-built.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });

  it('a service with bad and missing variables refuses to start, listing every one of them', () => {
    const result = spawnSync('node', ['dist/apps/prospects/src/main.js'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        PATH: process.env.PATH,
        PORT: 'not-a-port',
        JWT_SECRET: 'short',
        REDIS_URL: 'http://wrong',
        LOG_LEVEL: 'loud',
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('prospects failed to start: Invalid configuration');
    for (const variable of ['DATABASE_URL', 'PORT', 'JWT_SECRET', 'PII_KEY', 'REDIS_URL', 'LOG_LEVEL']) {
      expect(result.stderr).toContain(`${variable}:`);
    }
  });
});
