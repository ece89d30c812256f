import { TaskGroup, type TaskTemplate } from './task-template';

/** Keys of the shipped default tasks, so services and tests can refer to them without string literals. */
export enum DefaultTaskKey {
  DraftContract = 'draft_contract',
  ReviewTerms = 'review_terms',
  LegalSignOff = 'legal_sign_off',
  CreditCheck = 'credit_check',
  BillingSetup = 'billing_setup',
  PaymentSchedule = 'payment_schedule',
  DeliveryHandover = 'delivery_handover',
}

/**
 * The default contract workflow. Legal drafts while accounting checks the counterparty; the terms review waits
 * for the credit check (a weak counterparty changes payment terms); the payment schedule needs both billing and
 * the reviewed terms; the final legal sign-off closes it all.
 */
export const DEFAULT_TASK_TEMPLATES: readonly TaskTemplate[] = [
  {
    key: DefaultTaskKey.DraftContract,
    title: 'Draft contract',
    group: TaskGroup.Legal,
    dependsOn: [],
    dueDays: 3,
    required: true,
  },
  {
    key: DefaultTaskKey.CreditCheck,
    title: 'Counterparty credit check',
    group: TaskGroup.Accounting,
    dependsOn: [],
    dueDays: 2,
    required: true,
  },
  {
    key: DefaultTaskKey.ReviewTerms,
    title: 'Review terms',
    group: TaskGroup.Legal,
    dependsOn: [DefaultTaskKey.DraftContract, DefaultTaskKey.CreditCheck],
    dueDays: 2,
    required: true,
  },
  {
    key: DefaultTaskKey.BillingSetup,
    title: 'Billing set-up',
    group: TaskGroup.Accounting,
    dependsOn: [DefaultTaskKey.CreditCheck],
    dueDays: 3,
    required: true,
  },
  {
    key: DefaultTaskKey.PaymentSchedule,
    title: 'Payment schedule',
    group: TaskGroup.Accounting,
    dependsOn: [DefaultTaskKey.BillingSetup, DefaultTaskKey.ReviewTerms],
    dueDays: 2,
    required: true,
  },
  {
    key: DefaultTaskKey.LegalSignOff,
    title: 'Final legal sign-off',
    group: TaskGroup.Legal,
    dependsOn: [DefaultTaskKey.ReviewTerms, DefaultTaskKey.PaymentSchedule],
    dueDays: 1,
    required: true,
  },
];

/** The task opened for delivery once the contract is signed; not part of the editable set. */
export const HANDOVER_TASK_TEMPLATE: TaskTemplate = {
  key: DefaultTaskKey.DeliveryHandover,
  title: 'Hand over to delivery',
  group: TaskGroup.Delivery,
  dependsOn: [],
  dueDays: 2,
  required: true,
};
