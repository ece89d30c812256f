import { expectMatchesContract } from './contract';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  /** The parsed JSON answer; the text when it is not JSON; `{}` when there is none. */
  body: T;
  headers: Headers;
  /** The answer as sent (a CSV export, say). */
  text: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON and oversize bodies). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Aborts a call that has not answered by then (default 30 s). */
  timeoutMs?: number;
}

/**
 * The one HTTP call of the tests: a bearer token and a JSON body when given, the answer parsed when it is JSON, and
 * every answer checked against the OpenAPI contract (status, content type, body shape).
 */
// The shape of an answer is checked against the OpenAPI contract; tests then read it loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function callApi<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const bodyless = method === 'GET' || method === 'HEAD';
  const payload = bodyless
    ? undefined
    : (options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)));
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: payload,
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  // A live stream (SSE) never ends: its status and headers are the answer.
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, body: {} as T, headers: response.headers, text: '' };
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    // not JSON
  }
  expectMatchesContract(method, path, response.status, text ? body : null, response.headers.get('content-type'));
  return { status: response.status, body: body as T, headers: response.headers, text };
}
