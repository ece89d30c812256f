import { randomUUID } from 'node:crypto';
import { ApprovalRequestedPayload, JobName } from '@dealgate/messages';
import { queryOnce } from '@dealgate/testing';

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

/** Jobs the approvals service wrote to its outbox for one request, by name. */
export async function emitted(dbUrl: string, requestId: string, name: JobName): Promise<Record<string, unknown>[]> {
  const rows = await queryOnce<{ payload: Record<string, unknown> }>(
    dbUrl,
    `SELECT payload FROM approvals.outbox WHERE job_name = $1 AND payload->>'requestId' = $2 ORDER BY created_at`,
    [name, requestId],
  );
  return rows.map((r) => r.payload);
}
