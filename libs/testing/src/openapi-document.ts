import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The committed merged OpenAPI document (written by `npm run openapi`). */
export const OPENAPI_FILE = join(__dirname, '../../../openapi.json');

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** The one text form of a document: keys sorted at every level, 2-space indent, final newline. */
export function canonicalJson(document: unknown): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

/** The merged document the running gateway serves at GET /api/docs-json. */
export async function fetchServedDocument(gatewayUrl: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${gatewayUrl}/api/docs-json`);
  if (response.status !== 200) throw new Error(`GET /api/docs-json answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

export function readCommittedDocument(): Record<string, unknown> {
  return JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Record<string, unknown>;
}
