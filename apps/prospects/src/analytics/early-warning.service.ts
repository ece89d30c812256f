import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@dealgate/auth';
import { Clock, Page, PageQuery, toPage } from '@dealgate/common';
import {
  DEFAULT_BRIEF_CUSUM_RULE,
  DomainError,
  EarlyWarning,
  EarlyWarningRule,
  SalespersonBriefSeries,
  SalespersonWindowFacts,
  assertNever,
  briefCusumPeriods,
  earlyWarningWindow,
  evaluateEarlyWarnings,
} from '@dealgate/domain';
import { AnalyticsScopeResolver } from './analytics-scope';
import { ScopedPageQuery, UpsertWarningRuleDto } from './analytics.dto';
import { FactsRepository, Salesperson } from './facts.repository';
import { SettingsRepository, WarningRuleSetting } from './settings.repository';

export interface FlaggedSalesperson extends EarlyWarning {
  unitId: string | null;
}

function toRule(s: WarningRuleSetting): EarlyWarningRule {
  const common = { id: s.id, minProspectsWorked: s.minProspectsWorked, windowDays: s.windowDays };
  switch (s.kind) {
    case 'brief_rate_below':
      return { ...common, kind: s.kind, minBriefsPerProspect: s.minBriefsPerProspect ?? 0 };
    case 'brief_cusum':
      // The DTO requires a threshold for this kind; a row without one could only come from a hand edit.
      return { ...common, kind: s.kind, threshold: s.threshold ?? DEFAULT_BRIEF_CUSUM_RULE.threshold };
    case 'prospects_without_brief':
      return { ...common, kind: s.kind };
    default:
      return assertNever(s.kind, 'early-warning rule kind');
  }
}

/**
 * Configurable early-warning rules ("N prospects worked, no brief in M days", the brief CUSUM) and who they
 * flag now.
 */
@Injectable()
export class EarlyWarningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsRepository,
    private readonly facts: FactsRepository,
    private readonly scopes: AnalyticsScopeResolver,
    private readonly clock: Clock,
  ) {}

  async listRules(query: PageQuery): Promise<Page<WarningRuleSetting>> {
    const { items, total } = await this.settings.rulePage(this.dataSource.manager, query);
    return toPage(items, total, query);
  }

  async upsertRule(id: string, dto: UpsertWarningRuleDto): Promise<WarningRuleSetting> {
    const saved = await this.settings.upsertRule(
      this.dataSource.manager,
      {
        id,
        kind: dto.kind,
        minProspectsWorked: dto.minProspectsWorked,
        windowDays: dto.windowDays,
        minBriefsPerProspect: dto.kind === 'brief_rate_below' ? (dto.minBriefsPerProspect ?? 0) : null,
        threshold: dto.kind === 'brief_cusum' ? (dto.threshold ?? DEFAULT_BRIEF_CUSUM_RULE.threshold) : null,
        active: dto.active,
      },
      dto.version,
    );
    if (!saved) {
      throw new DomainError(
        'version_conflict',
        dto.version === undefined
          ? `A rule ${id} exists already; send its version to change it.`
          : `The rule ${id} was changed by someone else; reload it.`,
      );
    }
    return saved;
  }

  async flagged(user: Principal, query: ScopedPageQuery): Promise<Page<FlaggedSalesperson>> {
    const scope = await this.scopes.resolve(user, query);
    const people = await this.facts.salespeople(this.dataSource.manager, scope.unitId, scope.salespersonId);
    const all = await this.evaluate(this.dataSource.manager, people, this.clock.now());
    return toPage(all.slice(query.offset, query.offset + query.limit), all.length, query);
  }

  /** Flags of the active rules at `now` for the given salespeople, in rule then salesperson order. */
  async evaluate(manager: EntityManager, people: Salesperson[], now: Date): Promise<FlaggedSalesperson[]> {
    const rules = (await this.settings.rules(manager, true)).map(toRule);
    if (rules.length === 0 || people.length === 0) return [];
    const ids = people.map((p) => p.userId);
    const facts: SalespersonWindowFacts[] = [];
    for (const windowDays of [...new Set(rules.map((r) => r.windowDays))]) {
      const rows = await this.facts.windowFacts(manager, earlyWarningWindow(windowDays, now), ids);
      facts.push(...rows.map((r) => ({ ...r, windowDays })));
    }
    // The brief CUSUM also reads each person's day-by-day meetings and briefs (one query per watched length).
    const series: SalespersonBriefSeries[] = [];
    for (const windowDays of [...new Set(rules.flatMap((r) => (r.kind === 'brief_cusum' ? [r.windowDays] : [])))]) {
      series.push(...(await this.facts.briefSeries(manager, briefCusumPeriods(windowDays, now), windowDays, ids)));
    }
    const unitOf = new Map(people.map((p) => [p.userId, p.unitId]));
    return evaluateEarlyWarnings(rules, facts, now, series).map((w) => ({
      ...w,
      unitId: unitOf.get(w.salespersonId) ?? null,
    }));
  }
}
