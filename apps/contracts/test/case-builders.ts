import { DefaultTaskKey as K } from '@dealgate/domain';
import { ApprovalDecidedPayload, JobName, OfferDefendedPayload } from '@dealgate/messages';
import { callApi, waitFor } from '@dealgate/testing';
import { ContractsUnderTest, caseOf, defendedOffer, deliver, emitted, taskIds } from './contracts-kit';
import { contractsPeople } from './contracts-people';

// Builders of a contract case in the state one test needs, so that every test of a file opens its own case and can
// run alone. Each case gets a cast (people, unit) of its own: lists and queues read by unit or person then hold only
// that test's case, though all the file's cases share one database.

export type ContractsCast = ReturnType<typeof contractsPeople>;

export interface CaseUnderTest extends ContractsCast {
  offer: OfferDefendedPayload;
  caseId: string;
}

/** A case and its deviation requests, oldest first, as the service asked approvals for them. */
export interface CaseWithRequests extends CaseUnderTest {
  requests: { requestId: string; subjectVersion: number }[];
}

/** A new cast in the service's directory copy, and an offer of theirs defended with fresh ids, not yet delivered. */
export async function aFreshCast(svc: ContractsUnderTest): Promise<ContractsCast & { offer: OfferDefendedPayload }> {
  const cast = contractsPeople();
  await cast.seed(svc.db.url);
  return { ...cast, offer: defendedOffer({ salespersonId: cast.ids.salesperson, unitId: cast.unitId }) };
}

export async function aCaseOpenedFromAFreshDefendedOffer(svc: ContractsUnderTest): Promise<CaseUnderTest> {
  const cast = await aFreshCast(svc);
  await deliver(svc.app, JobName.OfferDefended, cast.offer);
  return { ...cast, caseId: await caseOf(svc.db.url, cast.offer.offerId) };
}

/** The drift the signing tests make: a cheaper seat (revision 2), then a longer payment term as well (revision 3). */
export const cheaperTerms = (offer: OfferDefendedPayload) => ({
  ...offer.terms,
  items: [{ ...offer.terms.items[0], unitPriceMinor: 110_000 }],
});
export const cheaperAndLongerTerms = (offer: OfferDefendedPayload) => ({ ...cheaperTerms(offer), paymentDays: 45 });

/** What approvals would answer about one deviation request of the case; legal asked, the unit head decides. */
export function deviationDecision(
  c: CaseUnderTest,
  requestId: string,
  subjectVersion: number,
  outcome: 'approved' | 'rejected' = 'approved',
): ApprovalDecidedPayload {
  return {
    requestId,
    subjectKind: 'contract_deviation',
    subjectId: c.caseId,
    subjectVersion,
    outcome,
    requesterId: c.ids.legal,
    decidedBy: c.ids.head,
    comment: outcome,
    decidedAt: new Date().toISOString(),
  };
}

/** Edited twice (revisions 2 and 3): the first request is voided, the second pending. */
export async function aCaseWithDriftAndAPendingDeviationRequest(svc: ContractsUnderTest): Promise<CaseWithRequests> {
  const c = await aCaseOpenedFromAFreshDefendedOffer(svc);
  await editTerms(svc, c, c.token.legal, cheaperTerms(c.offer), 1);
  await editTerms(svc, c, c.token.accounting, cheaperAndLongerTerms(c.offer), 2);
  return { ...c, requests: await deviationRequests(svc, c) };
}

/** The pending request of revision 3 was rejected and legal asked again: three requests, the last one pending. */
export async function aCaseWhoseRejectedDeviationWasAskedAgain(svc: ContractsUnderTest): Promise<CaseWithRequests> {
  const c = await aCaseWithDriftAndAPendingDeviationRequest(svc);
  await decideDeviation(svc, c, c.requests[1].requestId, 3, 'rejected');
  const asked = await callApi(svc.url, 'POST', `/api/contracts/${c.caseId}/deviation-approval`, {
    token: c.token.legal,
  });
  expectStatus(asked.status, 202, 'asking approval again');
  return { ...c, requests: await deviationRequests(svc, c) };
}

/** The drift of revision 3 approved; the tasks are untouched. */
export async function aCaseWithItsDeviationApproved(svc: ContractsUnderTest): Promise<CaseWithRequests> {
  const c = await aCaseWithDriftAndAPendingDeviationRequest(svc);
  await decideDeviation(svc, c, c.requests[1].requestId, 3, 'approved');
  return c;
}

/** No drift, and every required task claimed and completed by its group, in the order the dependencies allow. */
export async function aCaseWhoseTasksAreAllDone(svc: ContractsUnderTest): Promise<CaseUnderTest> {
  const c = await aCaseOpenedFromAFreshDefendedOffer(svc);
  const tasks = await taskIds(svc.db.url, c.caseId);
  for (const [key, who] of [
    [K.DraftContract, c.token.legal],
    [K.CreditCheck, c.token.accounting],
    [K.ReviewTerms, c.token.legal],
    [K.BillingSetup, c.token.accounting],
    [K.PaymentSchedule, c.token.accounting],
    [K.LegalSignOff, c.token.legal],
  ] as const) {
    for (const step of ['claim', 'complete']) {
      const answer = await callApi(svc.url, 'POST', `/api/tasks/${tasks[key]}/${step}`, { token: who });
      expectStatus(answer.status, 200, `${step} of task ${key}`);
    }
  }
  return c;
}

/** Signed by legal, so the delivery handover task is open. */
export async function aSignedCase(svc: ContractsUnderTest): Promise<CaseUnderTest> {
  const c = await aCaseWhoseTasksAreAllDone(svc);
  const signed = await callApi(svc.url, 'POST', `/api/contracts/${c.caseId}/sign`, {
    token: c.token.legal,
    body: { signatories: [{ name: 'Ann Buyer', party: 'customer' }], signedOn: '2026-11-27' },
  });
  expectStatus(signed.status, 200, 'signing');
  return c;
}

async function editTerms(
  svc: ContractsUnderTest,
  c: CaseUnderTest,
  token: string,
  terms: OfferDefendedPayload['terms'],
  revision: number,
) {
  const edited = await callApi(svc.url, 'PUT', `/api/contracts/${c.caseId}/terms`, {
    token,
    body: { terms, revision },
  });
  expectStatus(edited.status, 200, `editing terms at revision ${revision}`);
}

async function decideDeviation(
  svc: ContractsUnderTest,
  c: CaseUnderTest,
  requestId: string,
  subjectVersion: number,
  outcome: 'approved' | 'rejected',
) {
  await deliver(svc.app, JobName.ApprovalDecided, deviationDecision(c, requestId, subjectVersion, outcome));
  await waitFor(
    async () =>
      (
        await callApi<{ deviationApproval: { status: string } | null }>(svc.url, 'GET', `/api/contracts/${c.caseId}`, {
          token: c.token.legal,
        })
      ).body.deviationApproval?.status === outcome,
    { what: `the deviation ${outcome}` },
  );
}

async function deviationRequests(svc: ContractsUnderTest, c: CaseUnderTest) {
  return emitted(svc.db.url, JobName.ApprovalRequested, (r) => r.subjectId === c.caseId);
}

// A builder that cannot reach its state says which step failed, instead of leaving the test to fail further on.
function expectStatus(actual: number, expected: number, step: string) {
  if (actual !== expected) throw new Error(`${step} answered ${actual}, not ${expected}`);
}
