import { ProspectState } from '@dealgate/domain';
import { ProspectEntity } from './prospect.entity';
import { Prospect } from './prospect.view';
export { Prospect };

/** The one mapping from a prospect row to what the repositories hand out. */
export function toProspect(e: ProspectEntity): Prospect {
  return {
    id: e.id,
    sampleId: e.sampleId,
    productLineId: e.productLineId,
    unitId: e.unitId,
    ownerId: e.ownerId,
    companyName: e.companyName,
    taxId: e.taxId,
    website: e.website,
    stage: e.stage,
    status: e.status,
    approvedOfferId: e.approvedOfferId,
    lostReason: e.lostReasonCode ? { code: e.lostReasonCode, note: e.lostReasonNote } : null,
    stageEnteredAt: e.stageEnteredAt.toISOString(),
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** The part the stage machine reads and writes. */
export function stateOf(p: Prospect): ProspectState {
  return {
    stage: p.stage,
    status: p.status,
    unitId: p.unitId,
    approvedOfferId: p.approvedOfferId,
    lostReason: p.lostReason,
  };
}
