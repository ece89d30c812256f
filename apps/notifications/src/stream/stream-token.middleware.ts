import type { NextFunction, Request, Response } from 'express';

const STREAM_PATH = '/api/notifications/stream';

/**
 * EventSource cannot set an Authorization header, so the stream also takes `?access_token=`. Mounted before
 * logging and routing: the token moves into the header (the shared guard then verifies it as usual) and leaves
 * the URL, so no request log ever shows it.
 */
export function streamTokenFromQuery(req: Request, _res: Response, next: NextFunction): void {
  const url = new URL(req.url, 'http://local');
  const token = url.searchParams.get('access_token');
  if (url.pathname === STREAM_PATH && token !== null) {
    url.searchParams.delete('access_token');
    const rest = url.searchParams.toString();
    req.url = `${url.pathname}${rest ? `?${rest}` : ''}`;
    req.originalUrl = req.url;
    if (!req.headers.authorization) req.headers.authorization = `Bearer ${token}`;
  }
  next();
}
