import { expectMatchesContract } from '@dealgate/testing';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON and oversize bodies). */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** One HTTP call; parses a JSON answer when there is one. */
export async function call<T = Record<string, unknown>>(
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
    signal: AbortSignal.timeout(15_000),
  });
  // A live stream (SSE) never ends: its status and headers are the answer.
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, body: {} as T, headers: response.headers };
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    // not JSON
  }
  expectMatchesContract(method, path, response.status, text ? body : null, response.headers.get('content-type'));
  return { status: response.status, body: body as T, headers: response.headers };
}
