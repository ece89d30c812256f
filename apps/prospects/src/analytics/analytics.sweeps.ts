import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addMonthsToKey, assertAnalyticsStage, monthKeyOf, stageStallKey } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { Sweep, emitJob } from '@dealgate/messaging';
import { EarlyWarningService } from './early-warning.service';
import { FactsRepository } from './facts.repository';
import { NoticeRepository } from './notice.repository';
import { NormsService } from './norms.service';
import { ReportRepository } from './report.repository';

const ALL = { unitId: null, salespersonId: null, productLineId: null };
const BATCH = 200;
const DAY_MS = 86_400_000;

/**
 * Tells the owner and head of each stalled prospect, once per stall (prospect + stage + entry time): the notice
 * key and the `prospect.stalled` outbox row commit together, so reruns and replicas never repeat it.
 */
@Injectable()
export class StallSweep implements Sweep {
  readonly name = 'analytics-stalls';
  readonly everyMs = 15 * 60_000;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
    private readonly notices: NoticeRepository,
  ) {}

  async run(now: Date): Promise<void> {
    let sent = 0;
    for (;;) {
      // Only unnotified stalls are listed, so each batch makes progress and the loop ends.
      const { items } = await this.reports.stalled(
        this.dataSource.manager,
        now,
        ALL,
        { limit: BATCH, offset: 0 },
        true,
      );
      const before = sent;
      for (const stall of items) {
        assertAnalyticsStage(stall.stage);
        const key = stageStallKey(stall.prospectId, stall.stage, stall.enteredAt);
        await this.dataSource.transaction(async (manager) => {
          if (!(await this.notices.claim(manager, key, 'stall', now))) return;
          await emitJob(manager, JobName.ProspectStalled, {
            prospectId: stall.prospectId,
            ownerId: stall.ownerId,
            unitId: stall.unitId,
            stage: stall.stage,
            enteredAt: stall.enteredAt.toISOString(),
            limitDays: stall.limitDays,
          });
          sent += 1;
        });
      }
      // A batch that claimed nothing (another replica took it) must not spin.
      if (items.length < BATCH || sent === before) break;
    }
  }
}

/** Evaluates the last full month's norms; each breach emits `norm.breached` once per salesperson + norm + month. */
@Injectable()
export class NormSweep implements Sweep {
  readonly name = 'analytics-norms';
  readonly everyMs = 60 * 60_000;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly norms: NormsService,
    private readonly notices: NoticeRepository,
  ) {}

  async run(now: Date): Promise<void> {
    const month = addMonthsToKey(monthKeyOf(now), -1);
    const manager = this.dataSource.manager;
    const lines = await this.norms.evaluate(manager, month, await this.norms.allSalespeople(manager));
    for (const line of lines.filter((l) => l.breach)) {
      await this.dataSource.transaction(async (tx) => {
        const key = `norm:${line.salespersonId}:${line.norm}:${month}`;
        if (!(await this.notices.claim(tx, key, 'norm', now))) return;
        await emitJob(tx, JobName.NormBreached, {
          salespersonId: line.salespersonId,
          unitId: line.unitId,
          norm: line.norm,
          period: month,
          value: line.value,
          min: line.min,
          max: line.max,
        });
      });
    }
  }
}

/**
 * Raises `early_warning.raised` once per salesperson + rule + window: windows are consecutive blocks of the
 * rule's length, so a salesperson still flagged is told again one window later, not at every run.
 */
@Injectable()
export class EarlyWarningSweep implements Sweep {
  readonly name = 'analytics-early-warnings';
  readonly everyMs = 60 * 60_000;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly warnings: EarlyWarningService,
    private readonly facts: FactsRepository,
    private readonly notices: NoticeRepository,
  ) {}

  async run(now: Date): Promise<void> {
    const manager = this.dataSource.manager;
    const flagged = await this.warnings.evaluate(manager, await this.facts.salespeople(manager, null, null), now);
    for (const warning of flagged) {
      const windowMs = warning.evidence.window.to.getTime() - warning.evidence.window.from.getTime() || DAY_MS;
      const block = new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString().slice(0, 10);
      await this.dataSource.transaction(async (tx) => {
        const key = `warning:${warning.salespersonId}:${warning.ruleId}:${block}`;
        if (!(await this.notices.claim(tx, key, 'early_warning', now))) return;
        await emitJob(tx, JobName.EarlyWarningRaised, {
          salespersonId: warning.salespersonId,
          unitId: warning.unitId,
          rule: warning.ruleId,
          evidence: {
            windowFrom: warning.evidence.window.from.toISOString(),
            windowTo: warning.evidence.window.to.toISOString(),
            prospectsWorked: warning.evidence.prospectsWorked,
            briefs: warning.evidence.briefs,
            lastBriefAt: warning.evidence.lastBriefAt?.toISOString() ?? null,
          },
        });
      });
    }
  }
}
