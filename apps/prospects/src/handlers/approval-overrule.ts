import { EntityManager } from 'typeorm';
import { JobName } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';

/**
 * Tells the approvals service that an approval could not be applied here (the funnel's rules refuse it), so it
 * becomes a rejection there too and notifications say so: one authority per decision. In the caller's transaction.
 */
export async function overruleApproval(
  manager: EntityManager,
  requestId: string,
  reason: string,
  at: Date,
): Promise<void> {
  await emitJob(manager, JobName.ApprovalOverruled, {
    requestId,
    reason: reason.slice(0, 500),
    overruledAt: at.toISOString(),
  });
}
