import { funnelError, FunnelErrorCode } from './funnel-error';
import { isFilled } from './text';

/** Required sections of a brief (DOMAIN.md stage 3). Values are stored and sent on the wire: never rename. */
export enum BriefSection {
  CurrentSituation = 'current_situation',
  CurrentSuppliersAndPurchases = 'current_suppliers_and_purchases',
  WhatSatisfies = 'what_satisfies',
  WhatDoesNotSatisfy = 'what_does_not_satisfy',
  DevelopmentPlans = 'development_plans',
  MarketTrends = 'market_trends',
}

export const REQUIRED_BRIEF_SECTIONS: readonly BriefSection[] = Object.values(BriefSection);

export interface BriefNeed {
  readonly id: string;
  readonly text: string;
}

/** A brief as far as the gate needs it: section texts and the list of needs. */
export interface BriefInput {
  readonly sections: Partial<Record<BriefSection, string | null>>;
  readonly needs: readonly BriefNeed[];
}

export interface BriefGaps {
  readonly missingSections: BriefSection[];
  /** True when no need with text is listed. */
  readonly needsMissing: boolean;
  readonly complete: boolean;
}

const SECTION_LABELS: Record<BriefSection, string> = {
  [BriefSection.CurrentSituation]: 'current situation',
  [BriefSection.CurrentSuppliersAndPurchases]: 'current suppliers and purchases',
  [BriefSection.WhatSatisfies]: 'what satisfies them',
  [BriefSection.WhatDoesNotSatisfy]: 'what does not satisfy them',
  [BriefSection.DevelopmentPlans]: 'development plans',
  [BriefSection.MarketTrends]: 'market trends',
};

export function briefSectionLabel(section: BriefSection): string {
  return SECTION_LABELS[section];
}

/** What a brief still lacks. Whitespace-only text counts as missing: a blank section is not a result. */
export function findBriefGaps(brief: BriefInput): BriefGaps {
  const missingSections = REQUIRED_BRIEF_SECTIONS.filter((section) => !isFilled(brief.sections[section]));
  // A blank need is a placeholder, not an identified need.
  const needsMissing = !brief.needs.some((need) => isFilled(need.text));
  return { missingSections, needsMissing, complete: missingSections.length === 0 && !needsMissing };
}

/** Stage 3 is finished only by a brief with every required section and at least one need. */
export function assertBriefComplete(brief: BriefInput): void {
  const gaps = findBriefGaps(brief);
  if (gaps.complete) {
    return;
  }
  const parts = gaps.missingSections.map(briefSectionLabel);
  if (gaps.needsMissing) {
    parts.push('at least one need');
  }
  throw funnelError(FunnelErrorCode.BriefIncomplete, `The brief is not complete. Missing: ${parts.join(', ')}.`, {
    missingSections: gaps.missingSections,
    needsMissing: gaps.needsMissing,
  });
}
