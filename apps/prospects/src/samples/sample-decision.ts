import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  assertSampleApprover,
  assertSampleNotDecidedByWriter,
  DomainError,
  FunnelEventKind,
  initialOwnerOf,
  newProspectState,
  Written,
} from '@dealgate/domain';
import { DirectoryService } from '@dealgate/chassis';
import { ApprovalDecidedPayload } from '@dealgate/messages';
import { FunnelTransitions } from '../prospects/funnel-transitions';
import { ProspectRepository } from '../prospects/prospect.repository';
import { overruleApproval } from '../handlers/approval-overrule';
import { SampleRepository } from './sample.repository';

/**
 * Applies the owner's decision on a target sample. Only the decision on the request and version that are current
 * counts; anything else (a late decision on a replaced request) is ignored.
 */
@Injectable()
export class SampleDecision {
  private readonly logger = new Logger(SampleDecision.name);

  constructor(
    private readonly samples: SampleRepository,
    private readonly prospects: ProspectRepository,
    private readonly transitions: FunnelTransitions,
    private readonly directory: DirectoryService,
  ) {}

  async apply(manager: EntityManager, d: ApprovalDecidedPayload, now: Date): Promise<void> {
    const sample = await this.samples.findById(manager, d.subjectId, true);
    if (
      !sample ||
      sample.status !== 'pending_approval' ||
      sample.approvalRequestId !== d.requestId ||
      sample.version !== d.subjectVersion
    ) {
      this.logger.warn(`Ignored ${d.outcome} on sample ${d.subjectId}: not the current request/version`);
      return;
    }
    const decidedAt = new Date(d.decidedAt);
    if (d.outcome !== 'approved') {
      // Rejected (or withdrawn): back to draft, with the approver's comment to work on.
      await this.samples.update(manager, sample.id, {
        status: 'draft',
        decisionComment: d.comment,
        decidedBy: d.decidedBy,
        decidedAt,
      });
      return;
    }
    // A delegate decides with the authority of the owner they stand in for.
    const refusal = await this.approverRefusal(manager, sample, d.decidedBy, d.onBehalfOf ?? d.decidedBy);
    if (refusal) {
      await this.samples.update(manager, sample.id, {
        status: 'draft',
        decisionComment: refusal,
        decidedBy: d.decidedBy,
        decidedAt,
      });
      await overruleApproval(manager, d.requestId, refusal, now);
      return;
    }
    await this.samples.update(manager, sample.id, {
      status: 'approved',
      decisionComment: d.comment,
      decidedBy: d.decidedBy,
      decidedAt,
    });
    const ownerId = initialOwnerOf(sample, await this.directory.user(sample.authorId, manager));
    const companies = (await this.samples.companies(manager, sample.id)).filter(
      (c) => !c.prospectId && !c.skippedReason,
    );
    for (const company of companies) {
      // Another sample may have brought the company in since this one was built.
      const [duplicate] = await this.prospects.withAnyKey(manager, [company.keys]);
      if (duplicate) {
        await this.samples.markCompany(manager, company.id, {
          skippedReason: `already in the funnel as prospect ${duplicate.id}`,
        });
        continue;
      }
      const created = await this.prospects.insert(manager, {
        sampleId: sample.id,
        productLineId: sample.productLineId,
        unitId: sample.unitId,
        companyName: company.name,
        taxId: company.taxId,
        website: company.website,
        keys: company.keys,
        state: newProspectState(sample.unitId),
        ownerId,
        at: now,
      });
      await this.transitions.apply(
        manager,
        created,
        { kind: FunnelEventKind.SampleApproved, sampleId: sample.id },
        d.decidedBy,
        now,
      );
      await this.samples.markCompany(manager, company.id, { prospectId: created.id });
    }
  }

  /** The funnel's own check of who approved (approvals enforces it too); null when the approver may. */
  private async approverRefusal(
    manager: EntityManager,
    sample: Written,
    decidedBy: string | null,
    approverId: string | null,
  ): Promise<string | null> {
    if (!approverId) return 'Approval refused by the funnel rules: the decision names no approver.';
    const approver = await this.directory.user(approverId, manager);
    try {
      if (approver) {
        assertSampleApprover(
          sample,
          { userId: approverId, roles: approver.roles, unitIds: approver.unitId ? [approver.unitId] : [] },
          decidedBy,
        );
      } else {
        // Without a directory copy of the approver, the approvals service's role check stands; the writers' does here.
        assertSampleNotDecidedByWriter(sample, decidedBy, approverId);
      }
      return null;
    } catch (error) {
      if (error instanceof DomainError) return `Approval refused by the funnel rules: ${error.message}`;
      throw error;
    }
  }
}
