import { funnelError, FunnelErrorCode } from './funnel-error';
import { isFilled } from './text';

/** The contact a meeting is scheduled with, as far as the gate needs it. */
export interface DecisionMakerCandidate {
  readonly isDecisionMaker: boolean;
  readonly name?: string | null;
  readonly position?: string | null;
  /** Why this person decides: sets the appointment, leads the negotiation, signs. */
  readonly decisionReason?: string | null;
}

export type DecisionMakerField = 'name' | 'position' | 'decisionReason';

export const DECISION_MAKER_FIELDS: readonly DecisionMakerField[] = ['name', 'position', 'decisionReason'];

const FIELD_LABELS: Record<DecisionMakerField, string> = {
  name: 'name',
  position: 'position',
  decisionReason: 'why they decide',
};

/** The fields a decision-maker record still lacks (blank text counts as missing). */
export function missingDecisionMakerFields(contact: DecisionMakerCandidate): DecisionMakerField[] {
  return DECISION_MAKER_FIELDS.filter((field) => !isFilled(contact[field]));
}

/** Stage 2 is finished only by a meeting with a real decision-maker, described well enough to judge it. */
export function assertDecisionMaker(contact: DecisionMakerCandidate): void {
  if (!contact.isDecisionMaker) {
    throw funnelError(
      FunnelErrorCode.NotDecisionMaker,
      'The meeting must be with a contact marked as decision-maker: someone who sets the appointment and is responsible for the negotiation and the contract.',
    );
  }
  const missing = missingDecisionMakerFields(contact);
  if (missing.length > 0) {
    throw funnelError(
      FunnelErrorCode.DecisionMakerIncomplete,
      `The decision-maker record is missing: ${missing.map((field) => FIELD_LABELS[field]).join(', ')}.`,
      { missingFields: missing },
    );
  }
}
