// The one way the console talks to the API: openapi-fetch over the types generated from openapi.json.
import createClient from 'openapi-fetch';
import type { paths } from './schema.gen';
import { ApiError, toApiError } from './errors';
import { refresh, session } from './session';

/**
 * Adds the access token; on a 401 refreshes once (the cookie) and repeats the request. Every POST carries an
 * `Idempotency-Key` made once per action, so the repeat (or any retry of the same call) cannot create twice.
 */
export async function authorizedFetch(request: Request): Promise<Response> {
  if (request.method === 'POST' && !request.headers.has('idempotency-key')) {
    request.headers.set('idempotency-key', crypto.randomUUID());
  }
  const send = (token: string | null) => {
    const attempt = request.clone();
    if (token) attempt.headers.set('authorization', `Bearer ${token}`);
    return fetch(attempt);
  };
  const first = await send(session.token());
  if (first.status !== 401) return first;
  const token = await refresh();
  return token ? send(token) : first;
}

export const api = createClient<paths>({ baseUrl: '', fetch: authorizedFetch });

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** Unwraps an openapi-fetch answer: the data, or an ApiError carrying the server's sentence and fields. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error);
  return data as T;
}

export type JsonOf<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends Record<S, { content: { 'application/json': infer J } }>
    ? J
    : unknown
  : never;

export { ApiError };
