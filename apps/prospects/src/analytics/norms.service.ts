import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@dealgate/auth';
import { Page, toPage } from '@dealgate/common';
import {
  AnalyticsError,
  AnalyticsErrorCode,
  DomainError,
  MonthKey,
  NormStatus,
  SALES_NORM_IDS,
  SalesNormId,
  evaluateNorms,
  monthPeriod,
  periodMonthCount,
} from '@dealgate/domain';
import { AnalyticsScopeResolver } from './analytics-scope';
import { MonthQuery, UpdateNormDto } from './analytics.dto';
import { FactsRepository, Salesperson } from './facts.repository';
import { NormSetting, SettingsRepository } from './settings.repository';

export interface NormReportLine {
  salespersonId: string;
  unitId: string | null;
  month: MonthKey;
  norm: SalesNormId;
  value: number | null;
  min: number | null;
  max: number | null;
  status: NormStatus;
  breach: boolean;
}

/** The organisation's norms and every salesperson measured against them for a month. */
@Injectable()
export class NormsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsRepository,
    private readonly facts: FactsRepository,
    private readonly scopes: AnalyticsScopeResolver,
  ) {}

  listSettings(): Promise<NormSetting[]> {
    return this.settings.norms(this.dataSource.manager);
  }

  async updateSetting(norm: string, dto: UpdateNormDto): Promise<NormSetting> {
    if (!(SALES_NORM_IDS as readonly string[]).includes(norm)) throw new DomainError('not_found', `No norm ${norm}.`);
    if (dto.min !== null && dto.max !== null && dto.min > dto.max) {
      throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, 'A norm minimum cannot be above its maximum.', {
        fields: [{ field: 'min', problems: ['must not be above max'] }],
      });
    }
    const updated = await this.settings.updateNorm(this.dataSource.manager, norm as SalesNormId, dto.version, dto);
    if (!updated) throw new DomainError('version_conflict', `The norm ${norm} was changed by someone else; reload it.`);
    return updated;
  }

  /** One line per salesperson (a page of them) and norm. */
  async report(user: Principal, query: MonthQuery): Promise<Page<NormReportLine>> {
    const scope = await this.scopes.resolve(user, query);
    const people = await this.facts.salespeople(this.dataSource.manager, scope.unitId, scope.salespersonId);
    const page = people.slice(query.offset, query.offset + query.limit);
    const lines = await this.evaluate(this.dataSource.manager, query.month, page);
    // Paged by salesperson (every page holds whole people): `total` counts salespeople, not lines.
    return toPage(lines, people.length, query);
  }

  /** Every norm of every given salesperson over one calendar month. */
  async evaluate(manager: EntityManager, month: MonthKey, people: Salesperson[]): Promise<NormReportLine[]> {
    const period = monthPeriod(month);
    const [norms, facts] = await Promise.all([
      this.settings.normConfig(manager),
      this.facts.normFacts(
        manager,
        period,
        people.map((p) => p.userId),
      ),
    ]);
    const unitOf = new Map(people.map((p) => [p.userId, p.unitId]));
    return evaluateNorms(facts, norms, periodMonthCount(period)).map((e) => ({
      salespersonId: e.salespersonId,
      unitId: unitOf.get(e.salespersonId) ?? null,
      month,
      norm: e.norm,
      value: e.value,
      min: e.target.min,
      max: e.target.max,
      status: e.status,
      breach: e.breach,
    }));
  }

  allSalespeople(manager: EntityManager): Promise<Salesperson[]> {
    return this.facts.salespeople(manager, null, null);
  }
}
