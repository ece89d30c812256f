import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Role } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { startService } from '@dealgate/chassis';
import { TestDatabase, createTestDatabase, seedDirectory, testEnv, tokenFor, callApi } from '@dealgate/testing';
import { approvalsService } from '../approvals.service-definition';
import { ApiBody, count, deliver, processed, requestedPayload } from '../../../../test/approvals/support/approvals-kit';

const unitA = randomUUID();
const admin = tokenFor({ userId: randomUUID(), roles: [Role.Admin] });
const owner = { userId: randomUUID(), roles: [Role.Owner], unitId: null };
const seller = { userId: randomUUID(), roles: [Role.Salesperson], unitId: unitA };

const twoSteps = {
  steps: [
    {
      approver: { kind: 'role', role: 'sales_head', unitScoped: true },
      dueAfterMinutes: 60,
      escalationGraceMinutes: 30,
      escalateTo: { kind: 'role', role: 'owner', unitScoped: false },
    },
    {
      approver: { kind: 'role', role: 'owner', unitScoped: false },
      condition: null,
      dueAfterMinutes: 120,
      escalationGraceMinutes: 60,
      escalateTo: null,
    },
  ],
};

describe('approvals: policies as data, edited by the admin (PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, url } = await startService(approvalsService, testEnv(db.url)));
    await seedDirectory(db.url, ['approvals'], [owner, seller], [{ unitId: unitA }]);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const policy = async () =>
    (await callApi<ApiBody>(url, 'GET', '/api/approvals/policies/target_sample', { token: admin })).body;

  it('starts with the default policies of the method', async () => {
    const all = await callApi<{ policy: { subjectKind: string }; version: number }[]>(
      url,
      'GET',
      '/api/approvals/policies',
      { token: admin },
    );
    expect(all.body.map((p) => [p.policy.subjectKind, p.version])).toEqual([
      ['contract_deviation', 1],
      ['offer', 1],
      ['target_sample', 1],
    ]);
    expect((await callApi<ApiBody>(url, 'GET', '/api/approvals/policies', { token: tokenFor(seller) })).status).toBe(
      403,
    );
    expect((await callApi<ApiBody>(url, 'GET', '/api/approvals/policies/nonsense', { token: admin })).status).toBe(400);
  });

  it('answers bad input with every field named and changes nothing', async () => {
    const shape = await callApi<ApiBody>(url, 'PUT', '/api/approvals/policies/target_sample', {
      token: admin,
      body: {
        version: 1,
        steps: [
          { approver: { kind: 'boss' }, dueAfterMinutes: 0, escalationGraceMinutes: 10, escalateTo: null, extra: 1 },
        ],
      },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.fields.map((f) => f.field)).toEqual(
      expect.arrayContaining(['steps[0].approver.kind', 'steps[0].dueAfterMinutes', 'steps[0].extra']),
    );

    // Well-formed but against the rules: an admin approver, a duplicate step, no unconditional step.
    const rules = await callApi<ApiBody>(url, 'PUT', '/api/approvals/policies/target_sample', {
      token: admin,
      body: {
        version: 1,
        steps: [
          {
            ...twoSteps.steps[1],
            approver: { kind: 'role', role: 'admin', unitScoped: false },
            condition: { amountAbove: 5 },
          },
          { ...twoSteps.steps[1], condition: { amountAbove: 5 } },
          { ...twoSteps.steps[1], condition: { amountAbove: 5 } },
        ],
      },
    });
    expect(rules).toMatchObject({ status: 422, body: { code: 'approval.policy_invalid' } });
    const errors = (rules.body.details as { errors: { field: string; code: string }[] }).errors;
    expect(errors.map((e) => [e.field, e.code])).toEqual(
      expect.arrayContaining([
        ['steps[0].approver.role', 'admin_not_approver'],
        ['steps[2]', 'duplicate_step'],
        ['steps', 'no_unconditional_step'],
      ]),
    );
    expect(await policy()).toMatchObject({ version: 1 });
    expect(
      (
        await callApi<ApiBody>(url, 'PUT', '/api/approvals/policies/target_sample', {
          token: tokenFor(owner),
          body: { version: 1, ...twoSteps },
        })
      ).status,
    ).toBe(403);
  });

  it('applies an edited policy to new requests only, refuses a stale edit (409) and audits the change', async () => {
    const before = requestedPayload({ subjectKind: 'target_sample', requesterId: seller.userId, unitId: unitA });
    await processed(db.url, await deliver(app, JobName.ApprovalRequested, before));

    const edited = await callApi<ApiBody>(url, 'PUT', '/api/approvals/policies/target_sample', {
      token: admin,
      body: { version: 1, ...twoSteps },
    });
    expect(edited).toMatchObject({ status: 200, body: { version: 2 } });
    const stale = await callApi<ApiBody>(url, 'PUT', '/api/approvals/policies/target_sample', {
      token: admin,
      body: { version: 1, ...twoSteps },
    });
    expect(stale).toMatchObject({ status: 409, body: { code: 'approval.version_conflict' } });
    expect(await count(db.url, `approvals.approval_audit WHERE action = 'policy_updated'`)).toBe(1);

    const after = requestedPayload({ subjectKind: 'target_sample', requesterId: seller.userId, unitId: unitA });
    await processed(db.url, await deliver(app, JobName.ApprovalRequested, after));
    const old = await callApi<ApiBody>(url, 'GET', `/api/approvals/${before.requestId}`, { token: tokenFor(owner) });
    const fresh = await callApi<ApiBody>(url, 'GET', `/api/approvals/${after.requestId}`, { token: tokenFor(owner) });
    expect(old.body).toMatchObject({ stepCount: 1, policyVersion: 1 });
    expect(fresh.body).toMatchObject({ stepCount: 2, policyVersion: 2 });
    expect(fresh.body.steps.map((s) => s.approver)).toEqual([
      { userId: null, role: 'sales_head', unitId: unitA },
      { userId: null, role: 'owner', unitId: null },
    ]);
  });
});
