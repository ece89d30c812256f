import { afterEach, describe, expect, it, vi } from 'vitest';
import { authorizedFetch } from './client';
import * as sessionModule from './session';

afterEach(() => vi.restoreAllMocks());

describe('authorizedFetch', () => {
  it('gives a POST one Idempotency-Key, kept when the request is repeated after a refresh', async () => {
    const seen: (string | null)[] = [];
    const answers = [new Response(null, { status: 401 }), new Response('{}', { status: 201 })];
    vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
      seen.push((input as Request).headers.get('idempotency-key'));
      return Promise.resolve(answers.shift()!);
    });
    vi.spyOn(sessionModule, 'refresh').mockResolvedValue('fresh-token');
    const answer = await authorizedFetch(
      new Request('http://console.test/api/samples', { method: 'POST', body: '{}' }),
    );
    expect(answer.status).toBe(201);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]).toBe(seen[0]);
  });

  it('sends no key on reads', async () => {
    const spy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}', { status: 200 }));
    await authorizedFetch(new Request('http://console.test/api/samples'));
    expect((spy.mock.calls[0][0] as Request).headers.get('idempotency-key')).toBeNull();
  });
});
