/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment -- tests read JSON answers loosely */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { startService } from '@dealgate/chassis';
import { Role } from '@dealgate/domain';
import { ApprovalDecidedPayload, ContractSignedPayload, JobEnvelope, JobName, ServiceName } from '@dealgate/messages';
import {
  TestDatabase,
  createTestDatabase,
  seedDirectory,
  testEnv,
  tokenFor,
  expectMatchesContract,
  callApi,
} from '@dealgate/testing';
import { prospectsService } from '../src/prospects.service-definition';
import { ApprovalDecidedHandler } from '../src/handlers/approval-decided.handler';
import { ContractSignedHandler } from '../src/handlers/contract-signed.handler';

export interface Api {
  status: number;
  body: any;
}

/** The prospects service alone on its own database, with a small directory: two units, their people. */
export async function startProspects() {
  const db: TestDatabase = await createTestDatabase();
  const { app, url } = await startService(prospectsService, testEnv(db.url));
  const unitA = randomUUID();
  const unitB = randomUUID();
  const people = {
    owner: { userId: randomUUID(), roles: [Role.Owner], name: 'Olga Owner' },
    headA: { userId: randomUUID(), roles: [Role.SalesHead], unitId: unitA, name: 'Hanna Head' },
    headB: { userId: randomUUID(), roles: [Role.SalesHead], unitId: unitB, name: 'Bence Head' },
    sellerA: { userId: randomUUID(), roles: [Role.Salesperson], unitId: unitA, name: 'Sam Seller' },
    sellerA2: { userId: randomUUID(), roles: [Role.Salesperson], unitId: unitA, name: 'Cora Seller' },
    sellerB: { userId: randomUUID(), roles: [Role.Salesperson], unitId: unitB, name: 'Botond Seller' },
    legal: { userId: randomUUID(), roles: [Role.Legal], name: 'Lena Lawyer' },
    admin: { userId: randomUUID(), roles: [Role.Admin], name: 'Adam Admin' },
  };
  await seedDirectory(db.url, ['prospects'], Object.values(people), [
    { unitId: unitA, name: 'Unit A', headUserId: people.headA.userId },
    { unitId: unitB, name: 'Unit B', headUserId: people.headB.userId },
  ]);
  const tokens = Object.fromEntries(Object.entries(people).map(([k, p]) => [k, tokenFor(p)])) as Record<
    keyof typeof people,
    string
  >;
  const dataSource = app.get<DataSource>(getDataSourceToken());

  async function call(who: keyof typeof people, method: string, path: string, body?: unknown): Promise<Api> {
    return callApi(url, method, `/api${path}`, { token: tokens[who], body });
  }

  async function upload(who: keyof typeof people, path: string, csv: string): Promise<Api> {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'companies.csv');
    const response = await fetch(`${url}/api${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[who]}` },
      body: form,
    });
    const parsed = await response.json();
    expectMatchesContract('POST', `/api${path}`, response.status, parsed, response.headers.get('content-type'));
    return { status: response.status, body: parsed };
  }

  /** Delivers a job to a handler the way the dispatcher does: inside a transaction. */
  async function deliver<N extends typeof JobName.ApprovalDecided | typeof JobName.ContractSigned>(
    name: N,
    payload: N extends typeof JobName.ApprovalDecided ? ApprovalDecidedPayload : ContractSignedPayload,
  ): Promise<void> {
    const envelope = {
      messageId: randomUUID(),
      name,
      payload,
      correlationId: 'test',
      source: ServiceName.Approvals,
      occurredAt: new Date().toISOString(),
    } as JobEnvelope;
    await dataSource.transaction(async (manager) => {
      if (name === JobName.ApprovalDecided)
        await app.get(ApprovalDecidedHandler).handle(payload as ApprovalDecidedPayload, { manager, envelope });
      else await app.get(ContractSignedHandler).handle(payload as ContractSignedPayload, { manager, envelope });
    });
  }

  async function outbox(jobName: string): Promise<{ id: string; payload: any }[]> {
    return dataSource.query('SELECT id, payload FROM outbox WHERE job_name = $1 ORDER BY created_at', [jobName]);
  }

  return {
    app,
    url,
    db,
    dataSource,
    people,
    unitA,
    unitB,
    call,
    upload,
    deliver,
    outbox,
    async stop() {
      await app.close();
      await db.drop();
    },
  };
}

export type ProspectsHarness = Awaited<ReturnType<typeof startProspects>>;

export function decision(
  request: {
    requestId: string;
    subjectKind: 'target_sample' | 'offer';
    subjectId: string;
    subjectVersion: number;
    requesterId: string;
  },
  outcome: ApprovalDecidedPayload['outcome'],
  decidedBy: string,
  comment: string | null = null,
): ApprovalDecidedPayload {
  return { ...request, outcome, decidedBy, comment, decidedAt: new Date().toISOString() };
}
