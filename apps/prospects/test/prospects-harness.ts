/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment -- tests read JSON answers loosely */
import { randomUUID } from 'node:crypto';
import { Role } from '@dealgate/domain';
import { ApprovalDecidedPayload, JobName, JobPayloads, ServiceName } from '@dealgate/messages';
import { expectMatchesContract, startMediumTest } from '@dealgate/testing';
import { prospectsService } from '../src/prospects.service-definition';

export interface Api {
  status: number;
  body: any;
}

/** The prospects service alone on its own database, with a small directory: two units, their people. */
export async function startProspects() {
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
  const test = await startMediumTest(prospectsService, {
    people,
    units: [
      { unitId: unitA, name: 'Unit A', headUserId: people.headA.userId },
      { unitId: unitB, name: 'Unit B', headUserId: people.headB.userId },
    ],
  });
  const { app, url, db, dataSource } = test;

  async function call(who: keyof typeof people, method: string, path: string, body?: unknown): Promise<Api> {
    return test.call(who, method, `/api${path}`, { body });
  }

  async function upload(who: keyof typeof people, path: string, csv: string): Promise<Api> {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'companies.csv');
    const response = await fetch(`${url}/api${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${test.user(who)}` },
      body: form,
    });
    const parsed = await response.json();
    expectMatchesContract('POST', `/api${path}`, response.status, parsed, response.headers.get('content-type'));
    return { status: response.status, body: parsed };
  }

  /** Delivers a decision of approvals or a signing of contracts through the service's queue; waits for its effect. */
  async function deliver<N extends typeof JobName.ApprovalDecided | typeof JobName.ContractSigned>(
    name: N,
    payload: JobPayloads[N],
  ): Promise<void> {
    const source = name === JobName.ApprovalDecided ? ServiceName.Approvals : ServiceName.Contracts;
    await test.handled(await test.deliver(name, payload, { source }));
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
    stop: test.stop,
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
