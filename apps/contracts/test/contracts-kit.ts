import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Clock } from '@dealgate/common';
import { JobName, JobPayloads, OfferDefendedPayload, ServiceName } from '@dealgate/messages';
import { TestDatabase, queryOnce, startMediumTest, waitFor, deliverJob } from '@dealgate/testing';
import { contractsService } from '../src/contracts.service-definition';

export interface ContractsUnderTest {
  db: TestDatabase;
  app: NestExpressApplication;
  url: string;
  clock: Clock;
  stop(): Promise<void>;
}

/** The contracts service alone on its own database, as a medium test needs it. */
export async function startContracts(overrides: Record<string, string> = {}): Promise<ContractsUnderTest> {
  const test = await startMediumTest(contractsService, { env: overrides });
  return { db: test.db, app: test.app, url: test.url, clock: test.app.get(Clock), stop: test.stop };
}

/** Puts a job on the service's own queue as another service's relay would; returns its message id. */
export const deliver = <N extends JobName>(
  app: NestExpressApplication,
  name: N,
  payload: JobPayloads[N],
  messageId?: string,
): Promise<string> =>
  // A fresh BullMQ job id each time, so a redelivery of the same message reaches the inbox as a real duplicate would.
  deliverJob(app, ServiceName.Contracts, name, payload, { messageId, freshJobId: true });

export function defendedOffer(overrides: Partial<OfferDefendedPayload> = {}): OfferDefendedPayload {
  return {
    prospectId: randomUUID(),
    offerId: randomUUID(),
    defenceId: randomUUID(),
    salespersonId: randomUUID(),
    unitId: randomUUID(),
    productLineId: randomUUID(),
    terms: {
      items: [
        {
          productId: 'crm-seat',
          description: 'CRM seat, yearly',
          quantity: 10,
          unitPriceMinor: 120_000,
          currency: 'EUR',
        },
      ],
      paymentDays: 30,
      delivery: { text: 'Remote onboarding', days: 14 },
      discountPercent: 5,
      validUntil: '2027-01-31',
      clauses: ['sla-99.5'],
    },
    defendedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers; the assertions check their shape
export interface ApiAnswer<T = any> {
  status: number;
  body: T;
}

/**
 * Payloads the service wrote to its outbox for one job name, oldest first. The outbox is the whole database's: a file
 * whose tests each open their own case passes `about` to keep only what concerns its case.
 */
export async function emitted<N extends JobName>(
  dbUrl: string,
  name: N,
  about: (payload: JobPayloads[N]) => boolean = () => true,
): Promise<JobPayloads[N][]> {
  const rows = await queryOnce<{ payload: JobPayloads[N] }>(
    dbUrl,
    'SELECT payload FROM contracts.outbox WHERE job_name = $1 ORDER BY created_at, id',
    [name],
  );
  return rows.map((r) => r.payload).filter(about);
}

export async function count(dbUrl: string, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await queryOnce<{ n: number }>(dbUrl, `SELECT count(*)::int AS n FROM ${sql}`, params);
  return row.n;
}

/** Waits until the offer has its case, and returns the case id. */
export async function caseOf(dbUrl: string, offerId: string): Promise<string> {
  return waitFor(
    async () =>
      (
        await queryOnce<{ id: string }>(dbUrl, 'SELECT id FROM contracts.contract_case WHERE offer_id = $1', [offerId])
      )[0]?.id,
    { what: `the case of offer ${offerId}` },
  );
}

export async function taskIds(dbUrl: string, caseId: string): Promise<Record<string, string>> {
  const rows = await queryOnce<{ id: string; key: string }>(
    dbUrl,
    'SELECT id, key FROM contracts.contract_task WHERE case_id = $1',
    [caseId],
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.id]));
}
