import { AnalyticsStage, analyticsStageIndex } from '../analytics/stages';

/** One row of the append-only stage-transition log, narrowed to what the forecast reads. */
export interface LogEvent {
  readonly prospectId: string;
  readonly fromStage: AnalyticsStage;
  readonly toStage: AnalyticsStage;
  readonly toStatus: 'active' | 'won' | 'lost';
  readonly at: Date;
  readonly productLineId: string;
  readonly unitId: string;
  readonly ownerId: string | null;
  /** The approved offer's total (minor units) when known at this move. */
  readonly valueMinor?: number | null;
}

/**
 * How a stay in a stage ended: moved on (`advance`; from contract that is the signing), lost, or neither (`open`:
 * still in the stage at the as-of time, or moved back), which survival estimation treats as censored.
 */
export type StayOutcome = 'advance' | 'lost' | 'open';

/** A prospect's time in one stage, rebuilt from the log. */
export interface Stay {
  readonly prospectId: string;
  readonly stage: AnalyticsStage;
  readonly productLineId: string;
  readonly unitId: string;
  readonly ownerId: string | null;
  readonly enteredAt: number;
  /** When it ended, or the as-of time for an open stay (censored). */
  readonly endedAt: number;
  readonly outcome: StayOutcome;
  readonly valueMinor: number | null;
}

/** The log as it was at `asOf`: every stay (open ones censored at `asOf`) and the won prospects. */
export interface LogAsOf {
  readonly asOf: number;
  readonly stays: Stay[];
  readonly open: Stay[];
  readonly won: { prospectId: string; at: number; valueMinor: number | null }[];
}

interface Current {
  stage: AnalyticsStage;
  enteredAt: number;
  productLineId: string;
  unitId: string;
  ownerId: string | null;
  valueMinor: number | null;
}

/**
 * Replays the log up to `asOf` (events at or after it are never read), so a forecast made "at T" uses only what was
 * recorded before T. Events must be in log order (time, then insertion). A move back (an offer revised after
 * objections) ends the stay without counting as an advance or a loss; a reopened prospect starts a new stay.
 */
export function logAsOf(events: readonly LogEvent[], asOf: Date): LogAsOf {
  const cut = asOf.getTime();
  const current = new Map<string, Current>();
  const stays: Stay[] = [];
  const won: LogAsOf['won'] = [];
  const close = (id: string, c: Current, at: number, outcome: StayOutcome, e: LogEvent) => {
    stays.push({ prospectId: id, ...c, ownerId: e.ownerId ?? c.ownerId, endedAt: at, outcome });
  };
  for (const e of events) {
    const at = e.at.getTime();
    if (at >= cut) continue;
    const id = e.prospectId;
    const c = current.get(id);
    const value = e.valueMinor ?? c?.valueMinor ?? null;
    const fresh = (): Current => ({
      stage: e.toStage,
      enteredAt: at,
      productLineId: e.productLineId,
      unitId: e.unitId,
      ownerId: e.ownerId,
      valueMinor: value,
    });
    if (e.toStatus === 'won') {
      if (c) close(id, { ...c, valueMinor: value }, at, 'advance', e);
      current.delete(id);
      won.push({ prospectId: id, at, valueMinor: value });
    } else if (e.toStatus === 'lost') {
      if (c) close(id, c, at, 'lost', e);
      current.delete(id);
    } else if (!c) {
      // First entry, or reopened after a loss.
      if (e.toStage !== 'sampling') current.set(id, fresh());
    } else if (e.toStage !== c.stage) {
      // A move back is censored: the stay ended without a result either way.
      const forward = analyticsStageIndex(e.toStage) > analyticsStageIndex(c.stage);
      close(id, c, at, forward ? 'advance' : 'open', e);
      current.set(id, fresh());
    } else {
      // Same stage, still active: an owner or value change.
      current.set(id, { ...c, ownerId: e.ownerId ?? c.ownerId, valueMinor: value });
    }
  }
  const open: Stay[] = [];
  for (const [id, c] of current) open.push({ prospectId: id, ...c, endedAt: cut, outcome: 'open' });
  return { asOf: cut, stays: [...stays, ...open], open, won };
}
