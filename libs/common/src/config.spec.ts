import { ConfigError, loadConfig } from './config';
import { ServiceEnv } from './service-env';

const valid = {
  DATABASE_URL: 'postgres://localhost/x',
  PORT: '3001',
  JWT_SECRET: 's'.repeat(32),
  PII_KEY: 'p'.repeat(32),
};

describe('loadConfig', () => {
  it('converts and defaults', () => {
    const config = loadConfig(ServiceEnv, valid);
    expect(config.PORT).toBe(3001);
    expect(config.JOB_ATTEMPTS).toBe(5);
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig(ServiceEnv, { PORT: 'abc', JWT_SECRET: 'short', REDIS_URL: 'http://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['DATABASE_URL', 'PORT', 'JWT_SECRET', 'REDIS_URL']) expect(message).toContain(name);
  });

  it('treats an empty variable as unset (so its default applies)', () => {
    const config = loadConfig(ServiceEnv, { ...valid, REDIS_URL: '', LOG_LEVEL: '' });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.LOG_LEVEL).toBe('info');
  });
});
