import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApprovalRequestStatus, ApprovalSlaLevel, dueApprovalSlaLevels } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { Sweep, emitJob } from '@dealgate/messaging';
import { AuditAction, AuditRepository } from '../audit/audit.repository';
import { RequestRepository } from '../requests/request.repository';
import { ApprovalStepRecord } from '../requests/request.records';
import { approverColumns } from '../requests/step-approver';
import { SlaRepository } from './sla.repository';

const BATCH = 100;
const MAX_BATCHES = 20;

/**
 * Reminds the approver when a step is due and escalates when it is overdue by the grace. Each level of each step
 * is emitted exactly once: its key row commits with the outbox row, under the request's row lock, so repeated
 * runs, replicas and restarts never send it twice, and a step decided meanwhile is skipped.
 */
@Injectable()
export class ApprovalSlaSweep implements Sweep {
  readonly name = 'approval-sla';
  readonly everyMs = 60_000;
  private readonly logger = new Logger(ApprovalSlaSweep.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sla: SlaRepository,
    private readonly requests: RequestRepository,
    private readonly audit: AuditRepository,
  ) {}

  async run(now: Date): Promise<void> {
    for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
      const due = await this.sla.dueSteps(this.dataSource.manager, now, BATCH);
      let emitted = 0;
      for (const { requestId, stepIndex } of due) {
        emitted += await this.dataSource.transaction((manager) => this.breach(manager, requestId, stepIndex, now));
      }
      // Fewer than a full batch, or nothing new (a racing replica took them): done until the next run.
      if (due.length < BATCH || emitted === 0) return;
    }
    this.logger.warn(`More than ${BATCH * MAX_BATCHES} SLA levels due; the rest go out on the next run`);
  }

  private async breach(manager: EntityManager, requestId: string, stepIndex: number, now: Date): Promise<number> {
    const request = await this.requests.lock(manager, requestId);
    if (request === null || request.status !== ApprovalRequestStatus.Pending) return 0;
    if (request.currentStepIndex !== stepIndex) return 0;
    const [step] = await this.requests.steps(manager, [requestId], stepIndex);
    if (step.activatedAt === null) return 0;
    const levels = dueApprovalSlaLevels(requestId, stepIndex, step, step.activatedAt, now);
    let emitted = 0;
    for (const level of levels) {
      if (!(await this.sla.claim(manager, level.key, requestId, stepIndex, level.level, level.dueAt, now))) continue;
      const recipient = recipientOf(step, level.level);
      await emitJob(manager, JobName.ApprovalSlaBreached, {
        requestId,
        subjectKind: request.subjectKind,
        subjectId: request.subjectId,
        stepIndex,
        level: level.level,
        ...recipient,
      });
      await this.audit.record(manager, {
        requestId,
        subjectId: request.subjectId,
        action: level.level === ApprovalSlaLevel.Reminder ? AuditAction.Reminded : AuditAction.Escalated,
        actorId: null,
        stepIndex,
        detail: { key: level.key, dueAt: level.dueAt.toISOString(), ...recipient },
        at: now,
      });
      emitted += 1;
    }
    return emitted;
  }
}

/** A reminder goes to the step's approver; an escalation to whoever may now step in. */
function recipientOf(step: ApprovalStepRecord, level: ApprovalSlaLevel) {
  const recipient = approverColumns(level === ApprovalSlaLevel.Reminder ? step.approver : step.escalateTo);
  return { recipientRole: recipient.role, recipientUnitId: recipient.unitId, recipientUserId: recipient.userId };
}
