import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OfferStatus, ProspectStatus, Stage } from '@dealgate/domain';
import { stageDeadlineSql } from '../shared/stage-limit.sql';
import { STAGE_LIMIT, stalledSql } from './board.repository';

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

/** The home page's lists: each one query, capped. */
@Injectable()
export class AgendaRepository {
  meetings(manager: EntityManager, ownerId: string, from: Date, to: Date): Promise<AgendaMeetingRow[]> {
    return manager.query<AgendaMeetingRow[]>(
      `SELECT m.id, m.prospect_id AS "prospectId", p.company_name AS "companyName", m.contact_id AS "contactId",
              c.name AS "contactName", m.scheduled_at AS "scheduledAt", m.agenda
         FROM meeting m JOIN prospect p ON p.id = m.prospect_id JOIN contact c ON c.id = m.contact_id
        WHERE m.status = 'scheduled' AND p.owner_id = $1 AND m.scheduled_at >= $2 AND m.scheduled_at < $3
        ORDER BY m.scheduled_at, m.id LIMIT ${AGENDA_LIMIT}`,
      [ownerId, from, to],
    );
  }

  /** Active prospects over their stage limit, of one salesperson or of one unit. */
  stalled(manager: EntityManager, scope: { ownerId: string } | { unitId: string }, now: Date): Promise<StalledRow[]> {
    const [column, value] = 'ownerId' in scope ? ['owner_id', scope.ownerId] : ['unit_id', scope.unitId];
    return manager.query<StalledRow[]>(
      `SELECT p.id, p.company_name AS "companyName", p.stage, p.owner_id AS "ownerId",
              p.product_line_id AS "productLineId", p.stage_entered_at AS "stageEnteredAt",
              ${STAGE_LIMIT} AS "stageLimitDays"
         FROM prospect p JOIN product_line pl ON pl.id = p.product_line_id
        WHERE p.${column} = $1 AND p.status = '${ProspectStatus.Active}' AND ${stalledSql('$2::timestamptz')}
        ORDER BY ${stageDeadlineSql('p.stage_entered_at', STAGE_LIMIT)}, p.id
        LIMIT ${AGENDA_LIMIT}`,
      [value, now],
    );
  }

  /**
   * Offers of the salesperson's active prospects that wait: on the approver (pending), or on a rework (rejected by
   * the approver, or changes requested at the defence while no newer version exists).
   */
  waitingOffers(manager: EntityManager, ownerId: string): Promise<WaitingOfferRow[]> {
    return manager.query<WaitingOfferRow[]>(
      `SELECT o.id, o.prospect_id AS "prospectId", p.company_name AS "companyName", o.number, o.status,
              o.total_minor AS "totalMinor", o.currency, o.submitted_at AS "submittedAt", o.updated_at AS "updatedAt"
         FROM offer o JOIN prospect p ON p.id = o.prospect_id
        WHERE p.owner_id = $1 AND p.status = '${ProspectStatus.Active}'
          AND o.status IN ('pending_approval', 'rejected', 'changes_requested')
          AND NOT EXISTS (SELECT 1 FROM offer n WHERE n.prospect_id = o.prospect_id AND n.number > o.number)
        ORDER BY o.updated_at, o.id LIMIT ${AGENDA_LIMIT}`,
      [ownerId],
    );
  }

  async unassigned(manager: EntityManager, unitId: string): Promise<number> {
    const [{ count }] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM prospect WHERE unit_id = $1 AND status = '${ProspectStatus.Active}' AND owner_id IS NULL
          AND stage <> '${Stage.Contract}'`,
      [unitId],
    );
    return count;
  }
}
