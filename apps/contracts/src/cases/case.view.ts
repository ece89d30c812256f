import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AccessLevel,
  DefaultTaskKey,
  DeviationApproval,
  DeviationApprovalStatus,
  OfferTermsSnapshot,
  SigningBlocker,
  TaskStatus,
  TermsDeviation,
  TermsField,
  describeDeviation,
  blockersOf,
  criticalPath,
  describeSigningBlocker,
  diffTerms,
  signingBlockers,
} from '@dealgate/domain';
import { ContractTermsBody } from './terms.dto';
import { TaskRecord } from '../tasks/task.records';
import { TaskView, toTaskView } from '../tasks/task.view';
import { ContractCaseRecord, DeviationApprovalRecord, Signatory } from './case.records';

const ANY_VALUE = [{ type: 'string' }, { type: 'number' }, { type: 'object', additionalProperties: true }];

/** One difference of the terms from the baseline; `before`/`after` hold the value of `field` (null when absent). */
export class TermsDeviationView {
  @ApiProperty({ enum: TermsField })
  field!: TermsField;
  @ApiPropertyOptional({ description: 'the item, for item deviations' })
  productId?: string;
  @ApiPropertyOptional({ description: 'the clause, for clause deviations' })
  clause?: string;
  @ApiProperty({ oneOf: ANY_VALUE, nullable: true })
  before!: unknown;
  @ApiProperty({ oneOf: ANY_VALUE, nullable: true })
  after!: unknown;
  @ApiProperty({ description: 'the deviation in a sentence' })
  description!: string;
}

export class DeviationApprovalView {
  @ApiProperty({ format: 'uuid' })
  requestId!: string;
  @ApiProperty()
  termsRevision!: number;
  @ApiProperty()
  status!: string;
  @ApiProperty({ description: 'whether it is about the current terms revision' })
  current!: boolean;
  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;
}

/** What blocks signing; the fields besides `kind` and `message` depend on the kind. */
export class SigningBlockerView {
  @ApiProperty({
    enum: [
      'already_signed',
      'required_task_not_done',
      'deviation_not_approved',
      'deviation_approval_pending',
      'deviation_rejected',
    ],
  })
  kind!: string;
  @ApiPropertyOptional({ format: 'date-time' })
  signedAt?: string;
  @ApiPropertyOptional()
  taskKey?: string;
  @ApiPropertyOptional()
  title?: string;
  @ApiPropertyOptional({ description: 'how many deviations' })
  deviations?: number;
  @ApiProperty({ description: 'the blocker in a sentence' })
  message!: string;
}

export class SigningView {
  @ApiProperty()
  allowed!: boolean;
  @ApiProperty({ type: [SigningBlockerView] })
  blockers!: SigningBlockerView[];
}

export class SignatoryView {
  @ApiProperty()
  name!: string;
  @ApiProperty({ enum: ['customer', 'company'] })
  party!: 'customer' | 'company';
  @ApiProperty({ type: String, nullable: true })
  position!: string | null;
}

/** A task as the case page shows it: with what blocks it and whether it is on the critical path. */
export class CaseTaskView extends TaskView {
  @ApiProperty({ type: [String], description: 'keys of the dependencies not done yet (empty unless blocked)' })
  blockedBy!: string[];
  @ApiProperty({ description: 'not done and without slack: delaying it delays the whole case' })
  critical!: boolean;
}

export class CaseSummaryView {
  id!: string;
  prospectId!: string;
  offerId!: string;
  salespersonId!: string;
  unitId!: string;
  productLineId!: string;
  companyName!: string | null;
  @ApiProperty({ enum: ['open', 'signed'] })
  status!: 'open' | 'signed';
  openedAt!: string;
  signedAt!: string | null;
  termsRevision!: number;
  version!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'the soonest due moment of a task not done (overdue ones are in the past)',
  })
  nextDueAt!: string | null;
  @ApiProperty({ description: 'tasks not done past their due moment' })
  overdueTasks!: number;
}

export class CaseView extends CaseSummaryView {
  defendedAt!: string;
  @ApiProperty({ type: ContractTermsBody, description: 'the approved offer terms, frozen when the case opened' })
  baseline!: OfferTermsSnapshot;
  @ApiProperty({ type: ContractTermsBody })
  terms!: OfferTermsSnapshot;
  @ApiProperty({
    type: [TermsDeviationView],
    description: 'every deviation of the terms from the baseline, each with a sentence',
  })
  deviations!: (TermsDeviation & { description: string })[];
  @ApiProperty({ type: () => DeviationApprovalView, nullable: true })
  deviationApproval!: DeviationApprovalView | null;
  @ApiProperty({ type: [CaseTaskView] })
  tasks!: CaseTaskView[];
  @ApiProperty({ description: 'days of work left along the critical path (task allowances)' })
  remainingDays!: number;
  @ApiProperty({ type: () => SigningView })
  signing!: { allowed: boolean; blockers: (SigningBlocker & { message: string })[] };
  signedOn!: string | null;
  @ApiProperty({ type: String, format: 'uuid', description: 'who recorded the signature', nullable: true })
  signedBy!: string | null;
  @ApiProperty({ type: () => [SignatoryView], nullable: true })
  signatories!: Signatory[] | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'when delivery finished the handover task',
    nullable: true,
  })
  handedOverAt!: string | null;
  @ApiProperty({ enum: ['read', 'write'] })
  access!: AccessLevel;
}

/** The state the signing gate needs of the latest request; a voided request counts as none. */
export function gateApproval(latest: DeviationApprovalRecord | null): DeviationApproval | null {
  if (!latest || latest.status === 'voided') return null;
  const status =
    latest.status === 'approved'
      ? DeviationApprovalStatus.Approved
      : latest.status === 'rejected'
        ? DeviationApprovalStatus.Rejected
        : DeviationApprovalStatus.Pending;
  return { status, termsRevision: latest.termsRevision };
}

export function blockersOfCase(c: ContractCaseRecord, tasks: TaskRecord[], latest: DeviationApprovalRecord | null) {
  return signingBlockers({
    signedAt: c.signedAt,
    tasks: tasks.map((t) => ({ key: t.key, title: t.title, required: t.required, status: t.status })),
    baseline: c.baseline,
    terms: c.terms,
    termsRevision: c.termsRevision,
    deviationApproval: gateApproval(latest),
  });
}

/** Due facts of the case's tasks at `now`, for lists (computed in SQL there, from the tasks here). */
function dueFacts(tasks: readonly TaskRecord[], now: Date): { nextDueAt: string | null; overdueTasks: number } {
  const open = tasks.filter((t) => t.status !== TaskStatus.Done && t.dueAt !== null);
  const soonest = open.reduce<Date | null>((min, t) => (min && min <= t.dueAt! ? min : t.dueAt), null);
  return {
    nextDueAt: soonest ? soonest.toISOString() : null,
    overdueTasks: open.filter((t) => t.dueAt!.getTime() <= now.getTime()).length,
  };
}

export function toCaseSummary(
  c: ContractCaseRecord,
  due: { nextDueAt: string | null; overdueTasks: number },
): CaseSummaryView {
  return {
    id: c.id,
    prospectId: c.prospectId,
    offerId: c.offerId,
    salespersonId: c.salespersonId,
    unitId: c.unitId,
    productLineId: c.productLineId,
    companyName: c.companyName,
    status: c.signedAt ? 'signed' : 'open',
    openedAt: c.openedAt.toISOString(),
    signedAt: c.signedAt ? c.signedAt.toISOString() : null,
    termsRevision: c.termsRevision,
    version: c.version,
    ...due,
  };
}

export function toCaseView(
  c: ContractCaseRecord,
  tasks: TaskRecord[],
  latest: DeviationApprovalRecord | null,
  access: AccessLevel,
  now: Date,
): CaseView {
  // The handover task belongs to delivery after signing; the gate looks at the work before it.
  const blockers = c.signedAt ? [] : blockersOfCase(c, tasks, latest);
  const path = criticalPath(tasks);
  return {
    ...toCaseSummary(c, dueFacts(tasks, now)),
    defendedAt: c.defendedAt.toISOString(),
    baseline: c.baseline,
    terms: c.terms,
    deviations: diffTerms(c.baseline, c.terms).map((d) => ({ ...d, description: describeDeviation(d) })),
    deviationApproval: latest && {
      requestId: latest.requestId,
      termsRevision: latest.termsRevision,
      status: latest.status,
      current: latest.termsRevision === c.termsRevision,
      requestedAt: latest.requestedAt.toISOString(),
      decidedAt: latest.decidedAt ? latest.decidedAt.toISOString() : null,
      comment: latest.comment,
    },
    tasks: tasks.map((t) => ({
      ...toTaskView(t, now),
      blockedBy: t.status === TaskStatus.Done ? [] : blockersOf(t.key, tasks),
      critical: path.critical.includes(t.key),
    })),
    remainingDays: path.remainingDays,
    signing: {
      allowed: blockers.length === 0 && !c.signedAt,
      blockers: blockers.map((b) => ({ ...b, message: describeSigningBlocker(b) })),
    },
    signedOn: c.signedOn,
    signedBy: c.signedBy,
    signatories: c.signatories,
    handedOverAt: tasks.find((t) => t.key === String(DefaultTaskKey.DeliveryHandover))?.doneAt?.toISOString() ?? null,
    access,
  };
}
