import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  ApprovalRequestedPayload,
  JobEnvelope,
  JobPayloads,
  JobName,
  ServiceName,
  queueNameOf,
} from '@dealgate/messages';
import { queryOnce, waitFor, expectMatchesContract } from '@dealgate/testing';

/** The parts of the approvals API's answers the tests read (loosely typed: tests assert on them). */
export interface ApiBody {
  [key: string]: unknown;
  id: string;
  code: string;
  status: string;
  total: number;
  subjectVersion: number;
  revokedAt: string | null;
  items: ApiBody[];
  steps: ApiBody[];
  currentStep: ApiBody | null;
  fields: { field: string; problems: string[] }[];
  history: { action: string; actorId: string | null; onBehalfOf: string | null; stepIndex: number | null }[];
}

export interface Answer<T = ApiBody> {
  status: number;
  body: T;
}

/** A JSON call to a service with a bearer token. */
export async function call<T = ApiBody>(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  expectMatchesContract(method, path, response.status, parsed, response.headers.get('content-type'));
  return { status: response.status, body: parsed as T };
}

export function requestedPayload(overrides: Partial<ApprovalRequestedPayload> = {}): ApprovalRequestedPayload {
  return {
    requestId: randomUUID(),
    subjectKind: 'offer',
    subjectId: randomUUID(),
    subjectVersion: 1,
    requesterId: randomUUID(),
    unitId: null,
    amount: 10_000,
    discountPercent: 5,
    snapshot: {
      items: [{ name: 'Pilot licence', price: 10_000, needs: ['faster onboarding'] }],
      terms: { payment: '30 days' },
    },
    requestedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** Puts a job on the approvals queue as the requesting service's relay would (a fresh message id each time). */
type Delivered = typeof JobName.ApprovalRequested | typeof JobName.ApprovalVoided | typeof JobName.ApprovalOverruled;

export async function deliver<N extends Delivered>(
  app: INestApplication,
  name: N,
  payload: JobPayloads[N],
): Promise<string> {
  const queue = app.get<Queue>(getQueueToken(queueNameOf(ServiceName.Approvals)), { strict: false });
  const envelope: JobEnvelope = {
    messageId: randomUUID(),
    name,
    payload,
    correlationId: randomUUID(),
    source: ServiceName.Prospects,
    occurredAt: new Date().toISOString(),
  };
  await queue.add(name, envelope, { jobId: envelope.messageId });
  return envelope.messageId;
}

/** Waits until the approvals service has processed a message (its inbox row exists). */
export async function processed(dbUrl: string, messageId: string): Promise<void> {
  await waitFor(
    async () =>
      (await queryOnce(dbUrl, 'SELECT 1 FROM approvals.inbox WHERE message_id = $1', [messageId])).length === 1,
    { what: `approvals to process ${messageId}` },
  );
}

/** Jobs the approvals service wrote to its outbox for one request, by name. */
export async function emitted(dbUrl: string, requestId: string, name: JobName): Promise<Record<string, unknown>[]> {
  const rows = await queryOnce<{ payload: Record<string, unknown> }>(
    dbUrl,
    `SELECT payload FROM approvals.outbox WHERE job_name = $1 AND payload->>'requestId' = $2 ORDER BY created_at`,
    [name, requestId],
  );
  return rows.map((r) => r.payload);
}

export async function count(dbUrl: string, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await queryOnce<{ n: number }>(dbUrl, `SELECT count(*)::int AS n FROM ${sql}`, params);
  return row.n;
}
