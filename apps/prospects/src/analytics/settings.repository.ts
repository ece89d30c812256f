import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  DEFAULT_SALES_NORMS,
  EarlyWarningRule,
  NormBounds,
  SALES_NORM_IDS,
  SalesNormId,
  SalesNorms,
} from '@dealgate/domain';

export interface NormSetting extends NormBounds {
  norm: SalesNormId;
  version: number;
  updatedAt: string;
}

export interface WarningRuleSetting {
  id: string;
  kind: EarlyWarningRule['kind'];
  minProspectsWorked: number;
  windowDays: number;
  minBriefsPerProspect: number | null;
  /** brief_cusum only: the evidence that flags. */
  threshold: number | null;
  active: boolean;
  version: number;
  updatedAt: string;
}

interface NormRow {
  norm: SalesNormId;
  min: string | null;
  min_exclusive: boolean;
  max: string | null;
  flag_above: boolean;
  version: number;
  updated_at: Date;
}

interface RuleRow {
  id: string;
  kind: EarlyWarningRule['kind'];
  min_prospects_worked: number;
  window_days: number;
  min_briefs_per_prospect: string | null;
  threshold: string | null;
  active: boolean;
  version: number;
  updated_at: Date;
}

const num = (v: string | null) => (v === null ? null : Number(v));

const toNorm = (r: NormRow): NormSetting => ({
  norm: r.norm,
  min: num(r.min),
  minExclusive: r.min_exclusive,
  max: num(r.max),
  flagAbove: r.flag_above,
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

const toRule = (r: RuleRow): WarningRuleSetting => ({
  id: r.id,
  kind: r.kind,
  minProspectsWorked: r.min_prospects_worked,
  windowDays: r.window_days,
  minBriefsPerProspect: num(r.min_briefs_per_prospect),
  threshold: num(r.threshold),
  active: r.active,
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** The organisation's norms and early-warning rules (admin/owner edit them). */
@Injectable()
export class SettingsRepository {
  async norms(manager: EntityManager): Promise<NormSetting[]> {
    const rows = await manager.query<NormRow[]>('SELECT * FROM analytics_norm');
    const byId = new Map(rows.map((r) => [r.norm, toNorm(r)]));
    return SALES_NORM_IDS.flatMap((id) => byId.get(id) ?? []);
  }

  async normConfig(manager: EntityManager): Promise<SalesNorms> {
    const byId = new Map((await this.norms(manager)).map((s) => [s.norm, s]));
    // The migration seeds every norm; a missing row falls back to the method's default.
    const config = { ...DEFAULT_SALES_NORMS };
    for (const id of SALES_NORM_IDS) {
      const s = byId.get(id);
      if (s) config[id] = { min: s.min, minExclusive: s.minExclusive, max: s.max, flagAbove: s.flagAbove };
    }
    return config;
  }

  /** Null when the version moved on (or the norm is unknown: the caller checked that). */
  async updateNorm(
    manager: EntityManager,
    norm: SalesNormId,
    version: number,
    b: NormBounds,
  ): Promise<NormSetting | null> {
    const rows = await manager.query<[NormRow[], number]>(
      `UPDATE analytics_norm SET min = $3, min_exclusive = $4, max = $5, flag_above = $6, version = version + 1, updated_at = now()
       WHERE norm = $1 AND version = $2 RETURNING *`,
      [norm, version, b.min, b.minExclusive, b.max, b.flagAbove],
    );
    return rows[0][0] ? toNorm(rows[0][0]) : null;
  }

  async rulePage(manager: EntityManager, page: { limit: number; offset: number }) {
    const [{ total }] = await manager.query<{ total: number }[]>(
      'SELECT count(*)::int AS total FROM analytics_warning_rule',
    );
    const rows = await manager.query<RuleRow[]>('SELECT * FROM analytics_warning_rule ORDER BY id LIMIT $1 OFFSET $2', [
      page.limit,
      page.offset,
    ]);
    return { items: rows.map(toRule), total };
  }

  async rules(manager: EntityManager, activeOnly = false): Promise<WarningRuleSetting[]> {
    const rows = await manager.query<RuleRow[]>(
      `SELECT * FROM analytics_warning_rule ${activeOnly ? 'WHERE active' : ''} ORDER BY id`,
    );
    return rows.map(toRule);
  }

  async rule(manager: EntityManager, id: string): Promise<WarningRuleSetting | null> {
    const rows = await manager.query<RuleRow[]>('SELECT * FROM analytics_warning_rule WHERE id = $1', [id]);
    return rows[0] ? toRule(rows[0]) : null;
  }

  /** Inserts (version absent) or updates at the expected version; null on a lost race. */
  async upsertRule(
    manager: EntityManager,
    r: Omit<WarningRuleSetting, 'version' | 'updatedAt'>,
    version: number | undefined,
  ): Promise<WarningRuleSetting | null> {
    const values = [r.id, r.kind, r.minProspectsWorked, r.windowDays, r.minBriefsPerProspect, r.active, r.threshold];
    if (version === undefined) {
      const rows = await manager.query<RuleRow[]>(
        `INSERT INTO analytics_warning_rule (id, kind, min_prospects_worked, window_days, min_briefs_per_prospect, active, threshold)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING *`,
        values,
      );
      return rows[0] ? toRule(rows[0]) : null;
    }
    const rows = await manager.query<[RuleRow[], number]>(
      `UPDATE analytics_warning_rule SET kind = $2, min_prospects_worked = $3, window_days = $4,
         min_briefs_per_prospect = $5, active = $6, threshold = $7, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $8 RETURNING *`,
      [...values, version],
    );
    return rows[0][0] ? toRule(rows[0][0]) : null;
  }
}
