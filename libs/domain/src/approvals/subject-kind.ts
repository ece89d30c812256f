/** What an approval request is about. Values are stored and sent on the wire: never rename. */
export enum ApprovalSubjectKind {
  TargetSample = 'target_sample',
  Offer = 'offer',
  ContractDeviation = 'contract_deviation',
}

export const ALL_APPROVAL_SUBJECT_KINDS: readonly ApprovalSubjectKind[] = Object.values(ApprovalSubjectKind);

/** Runtime guard for values that arrive from the API or the database. */
export function isApprovalSubjectKind(value: unknown): value is ApprovalSubjectKind {
  return typeof value === 'string' && (ALL_APPROVAL_SUBJECT_KINDS as readonly string[]).includes(value);
}
