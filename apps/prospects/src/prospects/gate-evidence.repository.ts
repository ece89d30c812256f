import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { GateEvidence, ProspectStatus, Stage } from '@dealgate/domain';
import { ContactEntity } from '../activity/contact.entity';
import { MeetingEntity } from '../activity/meeting.entity';
import { BriefEntity } from '../briefs/brief.entity';
import { DefenceEntity } from '../offers/defence.entity';
import { OfferEntity } from '../offers/offer.entity';
import { TargetSampleEntity } from '../samples/sample.entity';

/** The part of a prospect the checklist needs besides the evidence rows. */
export interface GateSubject {
  id: string;
  sampleId: string;
  stage: Stage;
  status: ProspectStatus;
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
    const of = { prospectId: In(ids) };
    const [samples, contacts, meetings, briefs, offers, defences] = await Promise.all([
      manager.find(TargetSampleEntity, {
        select: { id: true, rationale: true, status: true },
        where: { id: In([...new Set(subjects.map((s) => s.sampleId))]) },
      }),
      manager.find(ContactEntity, {
        select: {
          prospectId: true,
          id: true,
          name: true,
          position: true,
          isDecisionMaker: true,
          decisionReason: true,
        },
        where: of,
      }),
      manager.find(MeetingEntity, { select: { id: true, prospectId: true, contactId: true, status: true }, where: of }),
      manager.find(BriefEntity, {
        select: { id: true, prospectId: true, sections: true, needs: true, completedAt: true },
        where: of,
      }),
      // The newest version of each prospect's offer (the id selected too: entities are told apart by it).
      manager
        .createQueryBuilder(OfferEntity, 'o')
        .select(['o.id', 'o.prospectId', 'o.status', 'o.items'])
        .distinctOn(['o.prospect_id'])
        .where(of)
        .orderBy('o.prospect_id')
        .addOrderBy('o.number', 'DESC')
        .getMany(),
      manager
        .createQueryBuilder(DefenceEntity, 'd')
        .select('d.prospect_id', 'prospectId')
        .distinct()
        .where({ ...of, outcome: 'accepted' })
        .getRawMany<{ prospectId: string }>(),
    ]);
    const sampleById = new Map(samples.map((s) => [s.id, s]));
    const briefOf = new Map(briefs.map((b) => [b.prospectId, b]));
    const offerOf = new Map(offers.map((o) => [o.prospectId, o]));
    const accepted = new Set(defences.map((d) => d.prospectId));
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
          isDecisionMaker: c.isDecisionMaker,
          name: c.name,
          position: c.position,
          decisionReason: c.decisionReason,
        })),
        meetings: (meetingsOf.get(subject.id) ?? []).map((m) => ({ contactId: m.contactId, status: m.status })),
        brief: brief ? { sections: brief.sections, needs: brief.needs, completed: brief.completedAt !== null } : null,
        offer: offer ? { status: offer.status, items: offer.items } : null,
        defenceAccepted: accepted.has(subject.id),
      });
    }
    return result;
  }
}

function groupByProspect<R extends { prospectId: string }>(rows: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.prospectId);
    if (group) group.push(row);
    else groups.set(row.prospectId, [row]);
  }
  return groups;
}
