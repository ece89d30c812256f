// For this feature's form tests: the providers a page has, and a fetch that answers PUTs as told and records them.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import createClient from 'openapi-fetch';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { paths } from '../../api/schema.gen';

// Mantine's Select measures its dropdown; jsdom has no ResizeObserver.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

export function show(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MantineProvider>{node}</MantineProvider>
    </QueryClientProvider>,
  );
}

/** Answers every PUT with `status` and `body`; returns what was sent (path and JSON body). */
export function answerPuts(status: number, body: unknown) {
  const sent: { path: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request) => {
      if (input.method === 'PUT') sent.push({ path: new URL(input.url).pathname, body: await input.json() });
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return sent;
}

/**
 * The API client module with an absolute base (Node's fetch refuses the console's relative URLs), calling the
 * global fetch of the moment. Use: `vi.mock('../../api/client', async (real) => (await import('./test-kit')).withTestClient(await real()))`.
 */
export function withTestClient<T extends object>(real: T): T {
  return { ...real, api: createClient<paths>({ baseUrl: 'http://console.test', fetch: (request) => fetch(request) }) };
}
