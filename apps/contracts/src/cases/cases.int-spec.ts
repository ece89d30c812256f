import { randomUUID } from 'node:crypto';
import { DefaultTaskKey as K, Role } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { queryOnce, seedDirectory, tokenFor, waitFor, callApi } from '@dealgate/testing';
import {
  ContractsUnderTest,
  caseOf,
  count,
  defendedOffer,
  deliver,
  emitted,
  startContracts,
  taskIds,
} from '../../test/contracts-kit';
import { aCaseOpenedFromAFreshDefendedOffer, aFreshCast } from '../../test/case-builders';

// One service and database for the file; each test brings its own people, unit and offer, and counts only its own
// messages and cases.
describe('contract cases (medium, real PostgreSQL and queue)', () => {
  let svc: ContractsUnderTest;

  beforeAll(async () => {
    svc = await startContracts();
  });

  afterAll(async () => {
    await svc?.stop();
  });

  it('opens exactly one case per defended offer, whatever is delivered twice', async () => {
    const { offer, ids, unitId } = await aFreshCast(svc);
    const messageId = await deliver(svc.app, JobName.OfferDefended, offer);
    const caseId = await caseOf(svc.db.url, offer.offerId);
    // The same message again (inbox), and the same offer under a new message id (unique offer).
    await deliver(svc.app, JobName.OfferDefended, offer, messageId);
    const second = await deliver(svc.app, JobName.OfferDefended, offer);
    await waitFor(async () => (await count(svc.db.url, 'contracts.inbox WHERE message_id = $1', [second])) === 1, {
      what: 'second delivery processed',
    });
    await waitFor(
      async () =>
        (await count(svc.db.url, 'contracts.inbox WHERE message_id = ANY($1::uuid[])', [[messageId, second]])) === 2,
      { what: 'both messages in the inbox' },
    );

    expect(await count(svc.db.url, 'contracts.contract_case WHERE offer_id = $1', [offer.offerId])).toBe(1);
    expect(await count(svc.db.url, 'contracts.contract_task WHERE case_id = $1', [caseId])).toBe(6);
    expect(await emitted(svc.db.url, JobName.ContractOpened, (o) => o.offerId === offer.offerId)).toEqual([
      expect.objectContaining({
        caseId,
        offerId: offer.offerId,
        prospectId: offer.prospectId,
        salespersonId: ids.salesperson,
        unitId,
      }),
    ]);
    // Only the tasks without dependencies are available, in their group's queue.
    const assigned = await emitted(svc.db.url, JobName.TaskAssigned, (a) => a.caseId === caseId);
    expect(assigned.map((a) => [a.group, a.title, a.assigneeId]).sort()).toEqual([
      ['accounting', 'Counterparty credit check', null],
      ['legal', 'Draft contract', null],
    ]);
  });

  it('shows the case with its baseline, no drift, blocked tasks and what stops signing', async () => {
    const { caseId, offer, token } = await aCaseOpenedFromAFreshDefendedOffer(svc);
    const { status, body } = await callApi(svc.url, 'GET', `/api/contracts/${caseId}`, { token: token.legal });
    expect(status).toBe(200);
    expect(body.terms).toEqual(offer.terms);
    expect(body.baseline).toEqual(offer.terms);
    expect(body.deviations).toEqual([]);
    expect(body.access).toBe('write');
    const states = Object.fromEntries((body.tasks as { key: string; state: string }[]).map((t) => [t.key, t.state]));
    expect(states).toEqual({
      [K.DraftContract]: 'available',
      [K.CreditCheck]: 'available',
      [K.ReviewTerms]: 'blocked',
      [K.BillingSetup]: 'blocked',
      [K.PaymentSchedule]: 'blocked',
      [K.LegalSignOff]: 'blocked',
    });
    expect(body.signing.allowed).toBe(false);
    expect(body.signing.blockers).toHaveLength(6);
  });

  it('gives the salesperson read-only access to their own case and nothing else', async () => {
    const { caseId, offer, token } = await aCaseOpenedFromAFreshDefendedOffer(svc);
    expect((await callApi(svc.url, 'GET', `/api/contracts/${caseId}`, { token: token.salesperson })).body.access).toBe(
      'read',
    );
    const edit = await callApi(svc.url, 'PUT', `/api/contracts/${caseId}/terms`, {
      token: token.salesperson,
      body: {
        terms: offer.terms,
        revision: 1,
      },
    });
    expect(edit.status).toBe(403);
    expect(
      (
        await callApi(svc.url, 'POST', `/api/contracts/${caseId}/sign`, {
          token: token.salesperson,
          body: {
            signatories: [{ name: 'A', party: 'customer' }],
          },
        })
      ).status,
    ).toBe(403);
    const tasks = await taskIds(svc.db.url, caseId);
    expect(
      (await callApi(svc.url, 'POST', `/api/tasks/${tasks[K.DraftContract]}/claim`, { token: token.salesperson }))
        .status,
    ).toBe(403);
    // A deactivated lawyer's token still says legal; the directory copy says otherwise: refused outright (#16).
    const gone = randomUUID();
    await seedDirectory(
      svc.db.url,
      ['contracts'],
      [{ userId: gone, roles: [Role.Legal], groups: ['legal'], active: false }],
    );
    const goneToken = tokenFor({ userId: gone, roles: [Role.Legal] });
    expect((await callApi(svc.url, 'GET', `/api/contracts/${caseId}`, { token: goneToken })).status).toBe(401);
    expect(
      (
        await callApi(svc.url, 'PUT', `/api/contracts/${caseId}/terms`, {
          token: goneToken,
          body: { terms: offer.terms, revision: 1 },
        })
      ).status,
    ).toBe(401);
    // Another salesperson of the same unit does not even learn the case exists.
    expect((await callApi(svc.url, 'GET', `/api/contracts/${caseId}`, { token: token.otherSeller })).status).toBe(404);
    expect((await callApi(svc.url, 'GET', `/api/contracts`, { token: token.otherSeller })).body.total).toBe(0);
    expect((await callApi(svc.url, 'GET', `/api/contracts`, { token: token.salesperson })).body.total).toBe(1);
    expect((await callApi(svc.url, 'GET', `/api/contracts/${caseId}`, { token: token.head })).status).toBe(200);
    expect((await callApi(svc.url, 'GET', `/api/contracts/${caseId}`, { token: token.owner })).body.access).toBe(
      'read',
    );
    expect((await callApi(svc.url, 'GET', `/api/contracts/${caseId}`, { token: token.admin })).status).toBe(403);
    expect(await count(svc.db.url, 'contracts.contract_case WHERE id = $1 AND terms_revision = 1', [caseId])).toBe(1);
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const { caseId, offer, token } = await aCaseOpenedFromAFreshDefendedOffer(svc);
    const bad = { terms: { ...offer.terms, paymentDays: -3 }, revision: 1 };
    const { status, body } = await callApi(svc.url, 'PUT', `/api/contracts/${caseId}/terms`, {
      token: token.legal,
      body: bad,
    });
    expect(status).toBe(400);
    expect((body.fields as { field: string }[]).map((f) => f.field)).toEqual(['terms.paymentDays']);
    expect((await callApi(svc.url, 'GET', '/api/contracts/not-a-uuid', { token: token.legal })).status).toBe(400);
    expect(await count(svc.db.url, 'contracts.contract_case WHERE id = $1 AND terms_revision = 1', [caseId])).toBe(1);
  });

  it('documents its endpoints and the terms shape in its OpenAPI document', async () => {
    const doc = (await (await fetch(`${svc.url}/api/docs-json`)).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    for (const path of [
      '/api/contracts/{id}/terms',
      '/api/contracts/{id}/sign',
      '/api/contracts/task-templates',
      '/api/tasks/{id}/claim',
      '/api/tasks/queue',
    ]) {
      expect(doc.paths[path]).toBeDefined();
    }
    expect(Object.keys(doc.components.schemas.ContractTermsBody.properties ?? {}).sort()).toEqual([
      'clauses',
      'delivery',
      'discountPercent',
      'items',
      'paymentDays',
      'validUntil',
    ]);
  });

  it('opens one case when the same defence arrives twice at the same moment', async () => {
    const { unitId } = await aFreshCast(svc);
    const twin = defendedOffer({ unitId });
    const messages = await Promise.all([
      deliver(svc.app, JobName.OfferDefended, twin),
      deliver(svc.app, JobName.OfferDefended, twin),
    ]);
    await waitFor(
      async () => (await count(svc.db.url, 'contracts.inbox WHERE message_id = ANY($1::uuid[])', [messages])) === 2,
      { what: 'both twin deliveries processed' },
    );
    expect(await count(svc.db.url, 'contracts.contract_case WHERE offer_id = $1', [twin.offerId])).toBe(1);
    const [{ id }] = await queryOnce<{ id: string }>(
      svc.db.url,
      'SELECT id FROM contracts.contract_case WHERE offer_id = $1',
      [twin.offerId],
    );
    expect(await count(svc.db.url, 'contracts.contract_task WHERE case_id = $1', [id])).toBe(6);
    expect((await emitted(svc.db.url, JobName.ContractOpened)).filter((o) => o.offerId === twin.offerId)).toHaveLength(
      1,
    );
  });
});
