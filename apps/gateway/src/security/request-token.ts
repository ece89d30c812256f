import type { Request } from 'express';

/** The one route whose token may arrive in the query: EventSource cannot set headers (notifications service). */
const STREAM_PATH = '/api/notifications/stream';

/**
 * The access token a request carries, every way one arrives: `Authorization: Bearer`, or `?access_token=` on the
 * live stream (an API key is already a bearer token when this runs). Every gateway check (deactivation, the
 * per-user rate limit) reads it here, so no way of sending a token slips past one of them.
 */
export function accessTokenOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7);
  if (req.path !== STREAM_PATH) return undefined;
  const token = new URL(req.originalUrl, 'http://local').searchParams.get('access_token');
  return token ?? undefined;
}
