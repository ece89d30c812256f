import {
  BRIEF_CUSUM_BASELINE_DAYS,
  BRIEF_CUSUM_DEFAULTS,
  BRIEF_EXPOSURE_DAYS,
  DEFAULT_BRIEF_CUSUM_RULE,
  DEFAULT_EARLY_WARNING_RULES,
  LogEvent,
  baselineBriefShare,
  briefShortfall,
  evaluateEarlyWarnings,
  judgeBriefCusum,
} from '@dealgate/domain';
import { SyntheticCompany } from '../../tools/synthetic/company-generator';

const DAY = 86_400_000;
const STEP_DAYS = 3;

export interface WarningMeasure {
  readonly detector: string;
  readonly weak: number;
  /** Weak salespeople flagged within 60 days of the weakness starting. */
  readonly recall60: number;
  /** Weak salespeople flagged before their weakness started. */
  readonly flaggedBeforeStart: number;
  readonly normal: number;
  readonly normalEverFlagged: number;
  readonly leadDays: { median: number | null; max: number | null };
}

type Detector = (events: LogEvent[], at: number) => boolean;

/** The rules of libs/domain analytics (their default: 20 worked, no brief in 60 days) on the log of one person. */
const existingRules: Detector = (events, at) => {
  const window = DEFAULT_EARLY_WARNING_RULES[0].windowDays;
  const from = at - window * DAY;
  const worked = new Set<string>();
  let briefs = 0;
  let lastBriefAt: Date | null = null;
  for (const e of events) {
    const t = e.at.getTime();
    if (t >= at) break;
    if (e.toStage === 'offer_formation' && e.fromStage === 'needs_identification') lastBriefAt = e.at;
    if (t < from) continue;
    worked.add(e.prospectId);
    if (e.toStage === 'offer_formation' && e.fromStage === 'needs_identification') briefs++;
  }
  const facts = [{ salespersonId: 'x', windowDays: window, prospectsWorked: worked.size, briefs, lastBriefAt }];
  return evaluateEarlyWarnings(DEFAULT_EARLY_WARNING_RULES, facts, new Date(at)).length > 0;
};

/** The brief-shortfall detector: the last 28 days against the 180 before them. */
/** A meeting held (primary contact → needs identification) and a brief completed (→ offer formation), in the log. */
const isMeeting = (e: LogEvent) => e.toStage === 'needs_identification' && e.fromStage === 'primary_contact';
const isBrief = (e: LogEvent) => e.toStage === 'offer_formation' && e.fromStage === 'needs_identification';

const shortfall: Detector = (events, at) => {
  const counts = { meetings: 0, briefs: 0, baselineMeetings: 0, baselineBriefs: 0 };
  const recent = at - 28 * DAY;
  const base = recent - 180 * DAY;
  for (const e of events) {
    const t = e.at.getTime();
    if (t >= at) break;
    if (t < base) continue;
    const meeting = isMeeting(e);
    const brief = isBrief(e);
    if (t >= recent) {
      if (meeting) counts.meetings++;
      if (brief) counts.briefs++;
    } else {
      if (meeting) counts.baselineMeetings++;
      if (brief) counts.baselineBriefs++;
    }
  }
  return briefShortfall(counts).flagged;
};

// The app's seeded rule (libs/domain brief-cusum-warning.ts), so the figures measure what the app runs.
const CUSUM_DAYS = DEFAULT_BRIEF_CUSUM_RULE.windowDays;

/**
 * The brief CUSUM: day by day over the last 90 days against the person's own share of the 180 days before, each
 * day's expected briefs from the meeting pace of the 90 days ending that day, judged by the same domain function as
 * the app's `brief_cusum` rule with the series the app's query builds (FactsRepository.briefSeries).
 */
const cusum: Detector = (events, at) => {
  const watch = at - CUSUM_DAYS * DAY;
  const base = watch - BRIEF_CUSUM_BASELINE_DAYS * DAY;
  const day = () => ({ meetings: 0, briefs: 0 });
  const steps = Array.from({ length: CUSUM_DAYS }, day);
  const leadIn = Array.from({ length: BRIEF_EXPOSURE_DAYS - 1 }, day);
  const baseline = { baselineMeetings: 0, baselineBriefs: 0 };
  for (const e of events) {
    const t = e.at.getTime();
    if (t >= at) break;
    if (t < base) continue;
    const meeting = isMeeting(e);
    const brief = isBrief(e);
    if (!meeting && !brief) continue;
    const d = Math.floor((t - watch) / DAY);
    if (d < 0) {
      if (meeting) baseline.baselineMeetings++;
      else baseline.baselineBriefs++;
    }
    const step = d >= 0 ? steps[d] : leadIn[d + leadIn.length];
    if (step === undefined) continue;
    if (meeting) step.meetings++;
    else step.briefs++;
  }
  const series = { salespersonId: 'x', windowDays: CUSUM_DAYS, ...baseline, steps, leadIn };
  const watched = { from: new Date(watch), to: new Date(at) };
  return judgeBriefCusum(series, DEFAULT_BRIEF_CUSUM_RULE.threshold, watched).flagged;
};

/**
 * The CUSUM as it was before the meeting pace (the baseline of the figures): each day's briefs against that day's
 * own meetings times the same baseline share, ρ and threshold, over the same 90 days.
 */
const cusumSameDay: Detector = (events, at) => {
  const watch = at - CUSUM_DAYS * DAY;
  const base = watch - BRIEF_CUSUM_BASELINE_DAYS * DAY;
  const steps = Array.from({ length: CUSUM_DAYS }, () => ({ meetings: 0, briefs: 0 }));
  const baseline = { baselineMeetings: 0, baselineBriefs: 0 };
  for (const e of events) {
    const t = e.at.getTime();
    if (t >= at) break;
    if (t < base || !(isMeeting(e) || isBrief(e))) continue;
    const key = isMeeting(e) ? 'meetings' : 'briefs';
    if (t < watch) baseline[key === 'meetings' ? 'baselineMeetings' : 'baselineBriefs']++;
    else steps[Math.floor((t - watch) / DAY)][key]++;
  }
  const share = baselineBriefShare(baseline);
  const { shortfallRatio: rho, threshold } = BRIEF_CUSUM_DEFAULTS;
  let statistic = 0;
  for (const s of steps) statistic = Math.max(0, statistic + s.meetings * share * (1 - rho) + s.briefs * Math.log(rho));
  return statistic >= threshold;
};

export const DETECTORS: Record<string, Detector> = {
  'rules (20 worked, no brief in 60 d)': existingRules,
  'brief shortfall (28 d vs own 180 d)': shortfall,
  "CUSUM, day's own meetings (before)": cusumSameDay,
  'brief CUSUM (90 d, pace vs own 180 d)': cusum,
};

/** Runs each detector every 3 days from 120 days after the start to the end of the log. */
export function measureWarnings(company: SyntheticCompany): WarningMeasure[] {
  const bySeller = new Map<string, LogEvent[]>();
  for (const e of company.events)
    if (e.ownerId) (bySeller.get(e.ownerId) ?? bySeller.set(e.ownerId, []).get(e.ownerId)!).push(e);
  return Object.entries(DETECTORS).map(([detector, flags]) => {
    const leads: number[] = [];
    let [recall, early, normalFlagged, weak, normal] = [0, 0, 0, 0, 0];
    for (const seller of company.sellers) {
      const events = bySeller.get(seller.id) ?? [];
      const dates: number[] = [];
      for (let at = company.startAt + 120 * DAY; at < company.endAt; at += STEP_DAYS * DAY) {
        // Only the events before `at` are visible (passed sorted, the detectors stop at `at`).
        if (flags(events, at)) dates.push(at);
        if (seller.weakFrom !== null && at > seller.weakFrom + 61 * DAY) break;
      }
      if (seller.weakFrom === null) {
        normal++;
        if (dates.length) normalFlagged++;
        continue;
      }
      weak++;
      if (dates.some((d) => d < seller.weakFrom!)) early++;
      const first = dates.find((d) => d >= seller.weakFrom!);
      if (first !== undefined && first <= seller.weakFrom + 60 * DAY) {
        recall++;
        leads.push((first - seller.weakFrom) / DAY);
      }
    }
    leads.sort((a, b) => a - b);
    return {
      detector,
      weak,
      recall60: weak ? recall / weak : 0,
      flaggedBeforeStart: early,
      normal,
      normalEverFlagged: normal ? normalFlagged / normal : 0,
      leadDays: { median: leads.length ? leads[Math.floor(leads.length / 2)] : null, max: leads.at(-1) ?? null },
    };
  });
}
