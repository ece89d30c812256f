import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  BriefNeed,
  BriefSection,
  GateEvidence,
  MeetingStatus,
  OfferItemInput,
  OfferStatus,
  ProspectStatus,
  Stage,
} from '@dealgate/domain';

/** The part of a prospect the checklist needs besides the evidence rows. */
export interface GateSubject {
  id: string;
  sampleId: string;
  stage: Stage;
  status: ProspectStatus;
}

interface ContactRow {
  prospect_id: string;
  id: string;
  name: string;
  position: string | null;
  is_decision_maker: boolean;
  decision_reason: string | null;
}

/**
 * Loads what the stage gates read for many prospects at once: one query per kind of evidence, whatever the number
 * of prospects (the board asks for a few hundred cards).
 */
@Injectable()
export class GateEvidenceRepository {
  async forProspects(manager: EntityManager, subjects: readonly GateSubject[]): Promise<Map<string, GateEvidence>> {
    const result = new Map<string, GateEvidence>();
    if (subjects.length === 0) return result;
    const ids = subjects.map((s) => s.id);
    const [samples, contacts, meetings, briefs, offers, defences] = await Promise.all([
      manager.query<{ id: string; rationale: string | null; status: string }[]>(
        'SELECT id, rationale, status FROM target_sample WHERE id = ANY($1::uuid[])',
        [[...new Set(subjects.map((s) => s.sampleId))]],
      ),
      manager.query<ContactRow[]>(
        `SELECT prospect_id, id, name, position, is_decision_maker, decision_reason FROM contact
          WHERE prospect_id = ANY($1::uuid[])`,
        [ids],
      ),
      manager.query<{ prospect_id: string; contact_id: string; status: MeetingStatus }[]>(
        'SELECT prospect_id, contact_id, status FROM meeting WHERE prospect_id = ANY($1::uuid[])',
        [ids],
      ),
      manager.query<
        {
          prospect_id: string;
          sections: Partial<Record<BriefSection, string | null>>;
          needs: BriefNeed[];
          completed_at: Date | null;
        }[]
      >('SELECT prospect_id, sections, needs, completed_at FROM brief WHERE prospect_id = ANY($1::uuid[])', [ids]),
      // The newest version of each prospect's offer.
      manager.query<{ prospect_id: string; status: OfferStatus; items: OfferItemInput[] }[]>(
        `SELECT DISTINCT ON (prospect_id) prospect_id, status, items FROM offer
          WHERE prospect_id = ANY($1::uuid[]) ORDER BY prospect_id, number DESC`,
        [ids],
      ),
      manager.query<{ prospect_id: string }[]>(
        `SELECT DISTINCT prospect_id FROM defence WHERE prospect_id = ANY($1::uuid[]) AND outcome = 'accepted'`,
        [ids],
      ),
    ]);
    const sampleById = new Map(samples.map((s) => [s.id, s]));
    const briefOf = new Map(briefs.map((b) => [b.prospect_id, b]));
    const offerOf = new Map(offers.map((o) => [o.prospect_id, o]));
    const accepted = new Set(defences.map((d) => d.prospect_id));
    const contactsOf = groupByProspect(contacts);
    const meetingsOf = groupByProspect(meetings);
    for (const subject of subjects) {
      const sample = sampleById.get(subject.sampleId);
      const brief = briefOf.get(subject.id);
      const offer = offerOf.get(subject.id);
      result.set(subject.id, {
        stage: subject.stage,
        status: subject.status,
        sample: sample ? { rationale: sample.rationale, approved: sample.status === 'approved' } : null,
        contacts: (contactsOf.get(subject.id) ?? []).map((c) => ({
          id: c.id,
          isDecisionMaker: c.is_decision_maker,
          name: c.name,
          position: c.position,
          decisionReason: c.decision_reason,
        })),
        meetings: (meetingsOf.get(subject.id) ?? []).map((m) => ({ contactId: m.contact_id, status: m.status })),
        brief: brief ? { sections: brief.sections, needs: brief.needs, completed: brief.completed_at !== null } : null,
        offer: offer ? { status: offer.status, items: offer.items } : null,
        defenceAccepted: accepted.has(subject.id),
      });
    }
    return result;
  }
}

function groupByProspect<R extends { prospect_id: string }>(rows: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.prospect_id);
    if (group) group.push(row);
    else groups.set(row.prospect_id, [row]);
  }
  return groups;
}
