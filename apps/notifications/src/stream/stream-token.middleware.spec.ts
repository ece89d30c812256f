import type { Request, Response } from 'express';
import { streamTokenFromQuery } from './stream-token.middleware';

function run(url: string, authorization?: string) {
  const req = { url, originalUrl: url, headers: authorization ? { authorization } : {} } as unknown as Request;
  let called = false;
  streamTokenFromQuery(req, {} as Response, () => (called = true));
  return { req, called };
}

describe('streamTokenFromQuery', () => {
  it('moves ?access_token= of the stream into the Authorization header and out of the URL (so logs never see it)', () => {
    const { req, called } = run('/api/notifications/stream?access_token=abc.def&x=1');
    expect(called).toBe(true);
    expect(req.headers.authorization).toBe('Bearer abc.def');
    expect(req.url).toBe('/api/notifications/stream?x=1');
    expect(req.originalUrl).toBe(req.url);
  });

  it('keeps an explicit header and still strips the query token', () => {
    const { req } = run('/api/notifications/stream?access_token=q', 'Bearer h');
    expect(req.headers.authorization).toBe('Bearer h');
    expect(req.url).toBe('/api/notifications/stream');
  });

  it('leaves every other route alone', () => {
    const { req } = run('/api/notifications?access_token=q');
    expect(req.headers.authorization).toBeUndefined();
    expect(req.url).toBe('/api/notifications?access_token=q');
  });
});
