import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  GateEvidence,
  gateChecklist,
  isProspectStalled,
  isReadOnlyFor,
  STAGE_ORDER,
  stageTime,
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
    const now = this.clock.now();
    const enteredAt = new Date(prospect.stageEnteredAt);
    const time = stageTime(enteredAt, line.stageLimitDays[prospect.stage] ?? null, now);
    return {
      ...prospect,
      gate: gateChecklist(evidenceOf(evidence, prospect.id)),
      daysInStage: time.daysInStage,
      stageLimitDays: time.stageLimitDays,
      overLimit: time.overLimit,
      stalled: isProspectStalled({ ...prospect, stageEnteredAt: enteredAt }, line, now),
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
  const time = stageTime(new Date(row.stageEnteredAt), row.stageLimitDays, now);
  return {
    id: row.id,
    companyName: row.companyName,
    stage: row.stage,
    status: row.status,
    ownerId: row.ownerId,
    productLineId: row.productLineId,
    daysInStage: time.daysInStage,
    stageLimitDays: time.stageLimitDays,
    // The board shows active prospects only: over the limit is stalled.
    stalled: time.overLimit,
    version: row.version,
    gate: summarizeGate(gateChecklist(evidence)),
  };
}
