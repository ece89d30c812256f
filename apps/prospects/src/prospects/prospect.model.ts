import { ProspectState, ProspectStatus, Stage } from '@dealgate/domain';
import { Prospect } from './prospect.view';
export { Prospect };

export interface ProspectRow {
  id: string;
  sample_id: string;
  product_line_id: string;
  unit_id: string;
  owner_id: string | null;
  company_name: string;
  tax_id: string | null;
  website: string | null;
  stage: Stage;
  status: ProspectStatus;
  approved_offer_id: string | null;
  lost_reason_code: string | null;
  lost_reason_note: string | null;
  stage_entered_at: Date;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function toProspect(r: ProspectRow): Prospect {
  return {
    id: r.id,
    sampleId: r.sample_id,
    productLineId: r.product_line_id,
    unitId: r.unit_id,
    ownerId: r.owner_id,
    companyName: r.company_name,
    taxId: r.tax_id,
    website: r.website,
    stage: r.stage,
    status: r.status,
    approvedOfferId: r.approved_offer_id,
    lostReason: r.lost_reason_code ? { code: r.lost_reason_code, note: r.lost_reason_note } : null,
    stageEnteredAt: new Date(r.stage_entered_at).toISOString(),
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
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
