import { DomainError } from '../domain-error';
import { ContractErrorCode } from './contract-error';
import {
  DeviationApprovalStatus as A,
  assertCanSign,
  describeSigningBlocker,
  signingBlockers,
  type SigningBlocker,
  type SigningCase,
} from './signing-gate';
import { TaskStatus } from './task-graph';
import type { OfferTermsSnapshot } from './terms';

const baseline: OfferTermsSnapshot = {
  items: [{ productId: 'p1', description: 'Press', quantity: 1, unitPriceMinor: 9_000_000, currency: 'EUR' }],
  paymentDays: 30,
  delivery: { text: null, days: 90 },
  discountPercent: 0,
  validUntil: '2025-12-31',
  clauses: ['warranty-24m'],
};
const deviated: OfferTermsSnapshot = { ...baseline, paymentDays: 60, discountPercent: 3 };

const doneTasks = [
  { key: 'draft_contract', title: 'Draft contract', required: true, status: TaskStatus.Done },
  { key: 'notary', title: 'Notary', required: false, status: TaskStatus.Open },
];
const ready: SigningCase = {
  signedAt: null,
  tasks: doneTasks,
  baseline,
  terms: baseline,
  termsRevision: 1,
  deviationApproval: null,
};
const signedAt = new Date('2025-04-01T10:00:00Z');

describe('signingBlockers', () => {
  it.each<[string, Partial<SigningCase>, SigningBlocker[]]>([
    ['all required tasks done, terms as offered', {}, []],
    [
      'a deviation approved for the current revision',
      { terms: deviated, termsRevision: 3, deviationApproval: { status: A.Approved, termsRevision: 3 } },
      [],
    ],
    [
      'an old approval once the terms are back to the baseline',
      { termsRevision: 4, deviationApproval: { status: A.Pending, termsRevision: 3 } },
      [],
    ],
    [
      'required tasks not done, named in order',
      {
        tasks: [
          { key: 'review_terms', title: 'Review terms', required: true, status: TaskStatus.Claimed },
          ...doneTasks,
          { key: 'credit_check', title: 'Counterparty credit check', required: true, status: TaskStatus.Open },
        ],
      },
      [
        { kind: 'required_task_not_done', taskKey: 'review_terms', title: 'Review terms' },
        { kind: 'required_task_not_done', taskKey: 'credit_check', title: 'Counterparty credit check' },
      ],
    ],
    ['a deviation without approval', { terms: deviated }, [{ kind: 'deviation_not_approved', deviations: 2 }]],
    [
      'a deviation approval pending',
      { terms: deviated, deviationApproval: { status: A.Pending, termsRevision: 1 } },
      [{ kind: 'deviation_approval_pending', deviations: 2 }],
    ],
    [
      'a deviation rejected',
      { terms: deviated, deviationApproval: { status: A.Rejected, termsRevision: 1 } },
      [{ kind: 'deviation_rejected', deviations: 2 }],
    ],
    [
      'an approval voided by a later edit',
      { terms: deviated, termsRevision: 2, deviationApproval: { status: A.Approved, termsRevision: 1 } },
      [{ kind: 'deviation_not_approved', deviations: 2 }],
    ],
    ['already signed (nothing else reported)', { signedAt, terms: deviated }, [{ kind: 'already_signed', signedAt }]],
    [
      'tasks and deviation together',
      {
        terms: deviated,
        tasks: [{ key: 'draft_contract', title: 'Draft contract', required: true, status: TaskStatus.Open }],
      },
      [
        { kind: 'required_task_not_done', taskKey: 'draft_contract', title: 'Draft contract' },
        { kind: 'deviation_not_approved', deviations: 2 },
      ],
    ],
  ])('%s', (_name, over, expected) => {
    expect(signingBlockers({ ...ready, ...over })).toEqual(expected);
  });
});

describe('describeSigningBlocker', () => {
  it.each<[SigningBlocker, string]>([
    [{ kind: 'already_signed', signedAt }, 'The contract was already signed on 2025-04-01.'],
    [
      { kind: 'required_task_not_done', taskKey: 'k', title: 'Review terms' },
      'The required task "Review terms" is not done.',
    ],
    [
      { kind: 'deviation_not_approved', deviations: 1 },
      'The terms differ from the approved offer (1 deviation) and need approval.',
    ],
    [
      { kind: 'deviation_approval_pending', deviations: 2 },
      'The approval of the terms deviation (2 deviations) is still pending.',
    ],
    [
      { kind: 'deviation_rejected', deviations: 2 },
      'The terms deviation (2 deviations) was rejected: revert the terms or request approval again.',
    ],
  ])('%j', (blocker, sentence) => {
    expect(describeSigningBlocker(blocker)).toBe(sentence);
  });
});

describe('assertCanSign', () => {
  it('passes when nothing blocks', () => {
    expect(() => assertCanSign(ready)).not.toThrow();
  });

  it('throws signing_blocked naming what is missing', () => {
    let error: unknown;
    try {
      assertCanSign({
        ...ready,
        terms: deviated,
        tasks: [{ key: 'k', title: 'Billing set-up', required: true, status: TaskStatus.Open }],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ContractErrorCode.SigningBlocked);
    expect((error as DomainError).message).toBe(
      'The contract cannot be signed yet. The required task "Billing set-up" is not done. ' +
        'The terms differ from the approved offer (2 deviations) and need approval.',
    );
    expect((error as DomainError).details?.blockers).toHaveLength(2);
  });
});
