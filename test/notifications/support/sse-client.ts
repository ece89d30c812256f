import { request } from 'node:http';
import { expectMatchesContract, waitFor } from '@dealgate/testing';

export interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** A minimal EventSource over node:http: keeps the parsed events (comments counted) until closed. */
export async function openSse(url: string, headers: Record<string, string> = {}) {
  const events: SseEvent[] = [];
  let comments = 0;
  let buffer = '';
  const req = request(url, { headers: { accept: 'text/event-stream', ...headers } });
  const response = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
    req.on('response', resolve).on('error', reject).end();
  });
  response.setEncoding('utf8');
  response.on('error', () => undefined);
  let ended = false;
  response.on('close', () => (ended = true));
  const status = response.statusCode ?? 0;
  const contentType = response.headers['content-type'] ?? null;
  // The stream is endless: its status and media type are checked against openapi.json; a refusal (JSON) in full.
  if (status === 200) expectMatchesContract('GET', url, status, '(event stream)', contentType);
  else {
    let text = '';
    response.on('data', (chunk: string) => (text += chunk));
    await new Promise((resolve) => response.on('end', resolve));
    expectMatchesContract('GET', url, status, text ? (JSON.parse(text) as unknown) : null, contentType);
  }
  response.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: SseEvent = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) comments++;
        else if (line.startsWith('id: ')) event.id = line.slice(4);
        else if (line.startsWith('event: ')) event.event = line.slice(7);
        else if (line.startsWith('data: ')) event.data = (event.data ?? '') + line.slice(6);
      }
      if (event.id || event.data) events.push(event);
    }
  });
  return {
    status,
    contentType,
    events,
    comments: () => comments,
    /** Whether the server ended the stream (or the connection dropped). */
    ended: () => ended,
    /** Waits until at least `n` events arrived and returns them. */
    waitForEvents: (n: number) =>
      waitFor(() => (events.length >= n ? events : null), { what: `${n} SSE events`, timeoutMs: 10_000 }),
    /** Drops the connection as a browser tab would. */
    close: () => req.destroy(),
  };
}
