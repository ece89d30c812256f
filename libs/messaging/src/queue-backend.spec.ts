import { queueSettings } from './queue-backend';

describe('queueSettings', () => {
  it("keeps the PostgreSQL backend's idle pooled connections longer than the periodic looks (not pg's 10 s)", () => {
    const settings = queueSettings({ DATABASE_URL: 'postgres://db/x', QUEUE_PREFIX: 'bull' });
    expect(settings.kind).toBe('postgres');
    expect(settings.connection).toEqual({ connectionString: 'postgres://db/x', idleTimeoutMillis: 90_000 });
  });
});
