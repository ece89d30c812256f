import { assertNever } from '../domain-error';

/** The six stages of the funnel, in order. Values are stored and sent on the wire: never rename. */
export enum Stage {
  Sampling = 'sampling',
  PrimaryContact = 'primary_contact',
  NeedsIdentification = 'needs_identification',
  OfferFormation = 'offer_formation',
  OfferDefence = 'offer_defence',
  Contract = 'contract',
}

/** Where a prospect stands besides its stage. Values are stored and sent on the wire: never rename. */
export enum ProspectStatus {
  Active = 'active',
  Won = 'won',
  Lost = 'lost',
}

export const STAGE_ORDER: readonly Stage[] = [
  Stage.Sampling,
  Stage.PrimaryContact,
  Stage.NeedsIdentification,
  Stage.OfferFormation,
  Stage.OfferDefence,
  Stage.Contract,
];

export const ALL_PROSPECT_STATUSES: readonly ProspectStatus[] = Object.values(ProspectStatus);

const STAGE_LABELS: Record<Stage, string> = {
  [Stage.Sampling]: 'sampling',
  [Stage.PrimaryContact]: 'primary contact',
  [Stage.NeedsIdentification]: 'needs identification',
  [Stage.OfferFormation]: 'offer formation',
  [Stage.OfferDefence]: 'offer defence',
  [Stage.Contract]: 'terms and contract',
};

/** A stage's name for sentences shown to users. */
export function stageLabel(stage: Stage): string {
  return STAGE_LABELS[stage];
}

/** Zero-based position of a stage in the funnel. */
export function stageIndex(stage: Stage): number {
  return STAGE_ORDER.indexOf(stage);
}

/** The stage after `stage`, or null for the last one. */
export function nextStage(stage: Stage): Stage | null {
  return STAGE_ORDER[stageIndex(stage) + 1] ?? null;
}

/** The stage before `stage`, or null for the first one. */
export function previousStage(stage: Stage): Stage | null {
  const index = stageIndex(stage);
  return index > 0 ? STAGE_ORDER[index - 1] : null;
}

/** Negative when `a` comes before `b`, zero when equal, positive after: usable as a sort comparator. */
export function compareStages(a: Stage, b: Stage): number {
  return stageIndex(a) - stageIndex(b);
}

export function isStageAtOrAfter(stage: Stage, reference: Stage): boolean {
  return compareStages(stage, reference) >= 0;
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGE_ORDER as readonly string[]).includes(value);
}

/** The result that finishes each stage (DOMAIN.md), for messages and UIs. */
export function stageResultDescription(stage: Stage): string {
  switch (stage) {
    case Stage.Sampling:
      return 'a target sample approved by the owner';
    case Stage.PrimaryContact:
      return 'a meeting scheduled with a decision-maker';
    case Stage.NeedsIdentification:
      return 'a complete brief after the meeting was held';
    case Stage.OfferFormation:
      return 'a commercial offer approved by a head';
    case Stage.OfferDefence:
      return 'the offer accepted in a meeting held in person or by video';
    case Stage.Contract:
      return 'a signed contract';
    default:
      return assertNever(stage, 'stage');
  }
}
