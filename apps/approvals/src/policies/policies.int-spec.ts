import { randomUUID } from 'node:crypto';
import { Role } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { MediumTest, startMediumTest } from '@dealgate/testing';
import { approvalsService } from '../approvals.service-definition';
import { ApiBody, requestedPayload } from '../../test/approvals-kit';

const unitA = randomUUID();
const admin = { userId: randomUUID(), roles: [Role.Admin] };
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
  let t: MediumTest<{ admin: typeof admin; owner: typeof owner; seller: typeof seller }>;

  beforeAll(async () => {
    t = await startMediumTest(approvalsService, { people: { admin, owner, seller }, units: [{ unitId: unitA }] });
  });

  afterAll(async () => {
    await t?.stop();
  });

  const policy = async () => (await t.call<ApiBody>('admin', 'GET', '/api/approvals/policies/target_sample')).body;

  it('starts with the default policies of the method', async () => {
    const all = await t.call<{ policy: { subjectKind: string }; version: number }[]>(
      'admin',
      'GET',
      '/api/approvals/policies',
    );
    expect(all.body.map((p) => [p.policy.subjectKind, p.version])).toEqual([
      ['contract_deviation', 1],
      ['offer', 1],
      ['target_sample', 1],
    ]);
    expect((await t.call<ApiBody>('seller', 'GET', '/api/approvals/policies')).status).toBe(403);
    expect((await t.call<ApiBody>('admin', 'GET', '/api/approvals/policies/nonsense')).status).toBe(400);
  });

  it('answers bad input with every field named and changes nothing', async () => {
    const shape = await t.call<ApiBody>('admin', 'PUT', '/api/approvals/policies/target_sample', {
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
    const rules = await t.call<ApiBody>('admin', 'PUT', '/api/approvals/policies/target_sample', {
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
        await t.call<ApiBody>('owner', 'PUT', '/api/approvals/policies/target_sample', {
          body: { version: 1, ...twoSteps },
        })
      ).status,
    ).toBe(403);
  });

  it('applies an edited policy to new requests only, refuses a stale edit (409) and audits the change', async () => {
    const before = requestedPayload({ subjectKind: 'target_sample', requesterId: seller.userId, unitId: unitA });
    await t.handled(await t.deliver(JobName.ApprovalRequested, before));

    const edited = await t.call<ApiBody>('admin', 'PUT', '/api/approvals/policies/target_sample', {
      body: { version: 1, ...twoSteps },
    });
    expect(edited).toMatchObject({ status: 200, body: { version: 2 } });
    const stale = await t.call<ApiBody>('admin', 'PUT', '/api/approvals/policies/target_sample', {
      body: { version: 1, ...twoSteps },
    });
    expect(stale).toMatchObject({ status: 409, body: { code: 'approval.version_conflict' } });
    expect(await t.count(`SELECT count(*) FROM approvals.approval_audit WHERE action = 'policy_updated'`)).toBe(1);

    const after = requestedPayload({ subjectKind: 'target_sample', requesterId: seller.userId, unitId: unitA });
    await t.handled(await t.deliver(JobName.ApprovalRequested, after));
    const old = await t.call<ApiBody>('owner', 'GET', `/api/approvals/${before.requestId}`);
    const fresh = await t.call<ApiBody>('owner', 'GET', `/api/approvals/${after.requestId}`);
    expect(old.body).toMatchObject({ stepCount: 1, policyVersion: 1 });
    expect(fresh.body).toMatchObject({ stepCount: 2, policyVersion: 2 });
    expect(fresh.body.steps.map((s) => s.approver)).toEqual([
      { userId: null, role: 'sales_head', unitId: unitA },
      { userId: null, role: 'owner', unitId: null },
    ]);
  });
});
