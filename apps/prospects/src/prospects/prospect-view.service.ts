import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  daysInStage,
  GateEvidence,
  gateChecklist,
  isReadOnlyFor,
  isStalled,
  STAGE_ORDER,
  summarizeGate,
} from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { Clock } from '@dealgate/common';
import { ProductLineRepository } from '../product-lines/product-line.repository';
import { actorOf } from '../shared/actor';
import { notFound } from '../shared/errors';
import { BoardCardDto, BoardDto, BoardQuery } from './board.dto';
import { BoardRepository, BoardRow } from './board.repository';
import { FunnelTransitions } from './funnel-transitions';
import { GateEvidenceRepository } from './gate-evidence.repository';
import { ProspectDetailDto } from './prospect-detail.dto';

/** What the console shows about prospects, computed here from the rules of libs/domain (never in the UI). */
@Injectable()
export class ProspectViewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: FunnelTransitions,
    private readonly productLines: ProductLineRepository,
    private readonly evidence: GateEvidenceRepository,
    private readonly boards: BoardRepository,
    private readonly clock: Clock,
  ) {}

  async detail(user: Principal, id: string): Promise<ProspectDetailDto> {
    const manager = this.dataSource.manager;
    const actor = actorOf(user);
    const prospect = await this.transitions.lockFor(manager, actor, id, 'read');
    const [line, evidence] = await Promise.all([
      this.productLines.findById(manager, prospect.productLineId),
      this.evidence.forProspects(manager, [prospect]),
    ]);
    if (!line) throw notFound('product line', prospect.productLineId);
    return {
      ...prospect,
      gate: gateChecklist(evidenceOf(evidence, prospect.id)),
      daysInStage: daysInStage(new Date(prospect.stageEnteredAt), this.clock.now()),
      stageLimitDays: line.stageLimitDays[prospect.stage] ?? null,
      productLineName: line.name,
      readOnly: isReadOnlyFor(actor, prospect),
    };
  }

  /** A handful of queries for the whole board: counts, the cards of every column, then each kind of evidence. */
  async board(user: Principal, query: BoardQuery): Promise<BoardDto> {
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    const { counts, rows } = await this.boards.board(manager, user, query, now, query.limitPerStage);
    const evidence = await this.evidence.forProspects(manager, rows);
    const cards = rows.map((row) => toCard(row, evidenceOf(evidence, row.id), now));
    return {
      columns: STAGE_ORDER.map((stage) => ({
        stage,
        count: counts.get(stage) ?? 0,
        items: cards.filter((card) => card.stage === stage),
      })),
    };
  }
}

function evidenceOf(all: Map<string, GateEvidence>, id: string): GateEvidence {
  const found = all.get(id);
  if (!found) throw new Error(`gate evidence of prospect ${id} was not loaded`);
  return found;
}

function toCard(row: BoardRow, evidence: GateEvidence, now: Date): BoardCardDto {
  const enteredAt = new Date(row.stageEnteredAt);
  return {
    id: row.id,
    companyName: row.companyName,
    stage: row.stage,
    status: row.status,
    ownerId: row.ownerId,
    productLineId: row.productLineId,
    daysInStage: daysInStage(enteredAt, now),
    stageLimitDays: row.stageLimitDays,
    stalled: row.stageLimitDays !== null && isStalled(enteredAt, now, row.stageLimitDays),
    version: row.version,
    gate: summarizeGate(gateChecklist(evidence)),
  };
}
