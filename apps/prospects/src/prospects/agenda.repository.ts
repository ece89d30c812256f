import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { MeetingStatus, OfferStatus, ProspectStatus, Stage } from '@dealgate/domain';
import { ContactEntity } from '../activity/contact.entity';
import { MeetingEntity } from '../activity/meeting.entity';
import { OfferEntity } from '../offers/offer.entity';
import { ProductLineEntity } from '../product-lines/product-line.entity';
import { stageDeadlineSql } from '../shared/stage-limit.sql';
import { STAGE_LIMIT, stalledSql } from './board.repository';
import { ProspectEntity } from './prospect.entity';

const AGENDA_LIMIT = 100;

export interface AgendaMeetingRow {
  id: string;
  prospectId: string;
  companyName: string;
  contactId: string;
  contactName: string;
  scheduledAt: Date;
  agenda: string | null;
}

export interface StalledRow {
  id: string;
  companyName: string;
  stage: Stage;
  ownerId: string | null;
  productLineId: string;
  stageEnteredAt: Date;
  stageLimitDays: number;
}

export interface WaitingOfferRow {
  id: string;
  prospectId: string;
  companyName: string;
  number: number;
  status: OfferStatus;
  totalMinor: string;
  currency: string;
  submittedAt: Date | null;
  updatedAt: Date;
}

/**
 * The home page's lists: each one query, capped, through the query builder over the entities (joined by their ids),
 * read as the typed rows above; the stage-limit rule is the shared SQL fragment (shared/stage-limit.sql.ts).
 */
@Injectable()
export class AgendaRepository {
  meetings(manager: EntityManager, ownerId: string, from: Date, to: Date): Promise<AgendaMeetingRow[]> {
    return manager
      .createQueryBuilder(MeetingEntity, 'm')
      .innerJoin(ProspectEntity, 'p', 'p.id = m.prospect_id')
      .innerJoin(ContactEntity, 'c', 'c.id = m.contact_id')
      .select('m.id', 'id')
      .addSelect('m.prospect_id', 'prospectId')
      .addSelect('p.company_name', 'companyName')
      .addSelect('m.contact_id', 'contactId')
      .addSelect('c.name', 'contactName')
      .addSelect('m.scheduled_at', 'scheduledAt')
      .addSelect('m.agenda', 'agenda')
      .where('m.status = :scheduled', { scheduled: MeetingStatus.Scheduled })
      .andWhere('p.owner_id = :ownerId', { ownerId })
      .andWhere('m.scheduled_at >= :from AND m.scheduled_at < :to', { from, to })
      .orderBy('m.scheduled_at')
      .addOrderBy('m.id')
      .limit(AGENDA_LIMIT)
      .getRawMany<AgendaMeetingRow>();
  }

  /** Active prospects over their stage limit, of one salesperson or of one unit. */
  stalled(manager: EntityManager, scope: { ownerId: string } | { unitId: string }, now: Date): Promise<StalledRow[]> {
    const [column, value] = 'ownerId' in scope ? ['owner_id', scope.ownerId] : ['unit_id', scope.unitId];
    return manager
      .createQueryBuilder(ProspectEntity, 'p')
      .innerJoin(ProductLineEntity, 'pl', 'pl.id = p.product_line_id')
      .select('p.id', 'id')
      .addSelect('p.company_name', 'companyName')
      .addSelect('p.stage', 'stage')
      .addSelect('p.owner_id', 'ownerId')
      .addSelect('p.product_line_id', 'productLineId')
      .addSelect('p.stage_entered_at', 'stageEnteredAt')
      .addSelect(STAGE_LIMIT, 'stageLimitDays')
      .where(`p.${column} = :value`, { value })
      .andWhere('p.status = :active', { active: ProspectStatus.Active })
      .andWhere(stalledSql('CAST(:now AS timestamptz)'), { now })
      .orderBy(stageDeadlineSql('p.stage_entered_at', STAGE_LIMIT))
      .addOrderBy('p.id')
      .limit(AGENDA_LIMIT)
      .getRawMany<StalledRow>();
  }

  /**
   * Offers of the salesperson's active prospects that wait: on the approver (pending), or on a rework (rejected by
   * the approver, or changes requested at the defence while no newer version exists).
   */
  waitingOffers(manager: EntityManager, ownerId: string): Promise<WaitingOfferRow[]> {
    return manager
      .createQueryBuilder(OfferEntity, 'o')
      .innerJoin(ProspectEntity, 'p', 'p.id = o.prospect_id')
      .select('o.id', 'id')
      .addSelect('o.prospect_id', 'prospectId')
      .addSelect('p.company_name', 'companyName')
      .addSelect('o.number', 'number')
      .addSelect('o.status', 'status')
      .addSelect('o.total_minor', 'totalMinor')
      .addSelect('o.currency', 'currency')
      .addSelect('o.submitted_at', 'submittedAt')
      .addSelect('o.updated_at', 'updatedAt')
      .where('p.owner_id = :ownerId', { ownerId })
      .andWhere('p.status = :active', { active: ProspectStatus.Active })
      .andWhere('o.status IN (:...waiting)', {
        waiting: [OfferStatus.PendingApproval, OfferStatus.Rejected, OfferStatus.ChangesRequested],
      })
      .andWhere('NOT EXISTS (SELECT 1 FROM offer n WHERE n.prospect_id = o.prospect_id AND n.number > o.number)')
      .orderBy('o.updated_at')
      .addOrderBy('o.id')
      .limit(AGENDA_LIMIT)
      .getRawMany<WaitingOfferRow>();
  }

  async unassigned(manager: EntityManager, unitId: string): Promise<number> {
    return manager.countBy(ProspectEntity, {
      unitId,
      status: ProspectStatus.Active,
      ownerId: IsNull(),
      stage: Not(Stage.Contract),
    });
  }
}
