import { CommonErrorCode } from '@dealgate/common';
import {
  AnalyticsErrorCode,
  ApprovalErrorCode,
  ContractErrorCode,
  FunnelErrorCode,
  IdentityErrorCode,
  NotificationErrorCode,
  PolicyFieldErrorCode,
} from '@dealgate/domain';
import { readCommittedDocument } from '@dealgate/testing';

// Every code of every error enum is one some operation of openapi.json declares (`@Refuses`), or a reviewed
// exception below: a code nobody declares is either dead or answered by an operation that does not say so. The
// drift test keeps openapi.json equal to the code, and the end-to-end tests keep the declarations true.

type Json = Record<string, unknown>;
type ErrorSchema = { allOf?: { properties?: { code?: { enum?: string[] } } }[] };

const ENUMS: Record<string, Record<string, string>> = {
  CommonErrorCode,
  FunnelErrorCode,
  ApprovalErrorCode,
  ContractErrorCode,
  IdentityErrorCode,
  NotificationErrorCode,
  AnalyticsErrorCode,
};

/** Codes no HTTP answer carries, each with the reason. */
const NEVER_ANSWERED: Record<string, string> = {
  [FunnelErrorCode.AccessDenied]:
    'FunnelTransitions.lockFor answers not_found for a prospect the caller may not see before the access rule could',
  [FunnelErrorCode.OfferApproverIsAuthor]:
    "checked when the approval.decided job is applied: the head's decision is refused in the approvals flow",
  [FunnelErrorCode.OfferApproverNotAllowed]:
    "checked when the approval.decided job is applied: the head's decision is refused in the approvals flow",
  [FunnelErrorCode.SampleApproverNotOwner]:
    "checked when the approval.decided job is applied: the owner's decision is refused in the approvals flow",
  [FunnelErrorCode.SampleApproverIsAuthor]:
    "checked when the approval.decided job is applied: the owner's decision is refused in the approvals flow",
  [ApprovalErrorCode.EmptyChain]: 'raised when a request is opened from the approval.requested job, never by HTTP',
  [ApprovalErrorCode.PolicyKindMismatch]: 'raised when a request is opened from the approval.requested job',
  [ApprovalErrorCode.UnitRequired]: 'raised when a request is opened from the approval.requested job',
  [IdentityErrorCode.InvalidApiKey]:
    'never thrown: ApiKeysService.authenticate answers null and the gateway middleware answers the common invalid_api_key',
};

function documentedCodes(): Set<string> {
  const codes = new Set<string>();
  const paths = readCommittedDocument().paths as Record<string, Record<string, { responses?: Json }>>;
  for (const item of Object.values(paths))
    for (const operation of Object.values(item))
      for (const answer of Object.values(operation.responses ?? {})) {
        const content = (answer as { content?: Record<string, { schema?: ErrorSchema }> }).content;
        for (const code of content?.['application/json']?.schema?.allOf?.[1]?.properties?.code?.enum ?? [])
          codes.add(code);
      }
  return codes;
}

function policyDescription(): string {
  const paths = readCommittedDocument().paths as Record<string, Record<string, { description?: string }>>;
  return paths['/api/approvals/policies/{subjectKind}'].put.description ?? '';
}

describe('the error codes of openapi.json', () => {
  const documented = documentedCodes();

  it.each(Object.entries(ENUMS))('declare every %s code on an operation (or a reviewed exception)', (_, values) => {
    const missing = Object.values(values).filter((code) => !documented.has(code) && !(code in NEVER_ANSWERED));
    expect(missing).toEqual([]);
  });

  it('keep no exception for a code an operation declares after all', () => {
    expect(Object.keys(NEVER_ANSWERED).filter((code) => documented.has(code))).toEqual([]);
  });

  it('name every policy field problem (details.errors[].code of approval.policy_invalid) on the policy PUT', () => {
    // Not a top-level code: PolicyFieldErrorCode names each field problem inside approval.policy_invalid.
    const description = policyDescription();
    expect(Object.values(PolicyFieldErrorCode).filter((code) => !description.includes(`\`${code}\``))).toEqual([]);
  });

  it('document only codes that exist: every code of the document is one of the enums', () => {
    const known = new Set(Object.values(ENUMS).flatMap((values) => Object.values(values)));
    expect([...documented].filter((code) => !known.has(code))).toEqual([]);
  });
});
