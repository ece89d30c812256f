import { funnelError, FunnelErrorCode } from './funnel-error';

/** One entry of the configurable list of lost reasons. */
export interface LostReasonDefinition {
  /** Stable code used by analytics: never rename a code that is in use. */
  readonly code: string;
  /** The English label (the one every reader falls back to). */
  readonly label: string;
  /** The Hungarian label; `null` or absent when not given (readers then see the English one). */
  readonly labelHu?: string | null;
  /** When true the user must explain in free text (e.g. "other"). */
  readonly noteRequired: boolean;
}

/** What a user submits when marking a prospect lost. */
export interface LostReasonInput {
  readonly code: string;
  readonly note?: string | null;
}

/** A validated lost reason, as stored on the prospect and in the transition log. */
export interface LostReason {
  readonly code: string;
  readonly note: string | null;
}

export const LOST_REASON_OTHER = 'other';

/** Recorded by the stage machine itself when the prospect rejects the offer at its defence. */
export const LOST_REASON_OFFER_REJECTED = 'offer_rejected';

export const DEFAULT_LOST_REASONS: readonly LostReasonDefinition[] = [
  { code: 'no_budget', label: 'No budget', labelHu: 'Nincs rá keret', noteRequired: false },
  { code: 'chose_competitor', label: 'Chose a competitor', labelHu: 'Versenytársat választott', noteRequired: false },
  {
    code: 'no_decision_maker',
    label: 'No decision-maker reached',
    labelHu: 'Nem értük el a döntéshozót',
    noteRequired: false,
  },
  { code: 'not_a_fit', label: 'Not a fit for our product', labelHu: 'Nem illik a termékünkhöz', noteRequired: false },
  { code: 'no_response', label: 'No response', labelHu: 'Nem válaszolt', noteRequired: false },
  {
    code: LOST_REASON_OFFER_REJECTED,
    label: 'Offer rejected at its defence',
    labelHu: 'Az ajánlatot a megvédésén elutasította',
    noteRequired: false,
  },
  { code: LOST_REASON_OTHER, label: 'Other', labelHu: 'Egyéb', noteRequired: true },
];

/** Checks the reason against the configured list; free text is trimmed and kept when given. */
export function validateLostReason(
  input: LostReasonInput,
  reasons: readonly LostReasonDefinition[] = DEFAULT_LOST_REASONS,
): LostReason {
  const definition = reasons.find((reason) => reason.code === input.code);
  if (!definition) {
    throw funnelError(FunnelErrorCode.LostReasonUnknown, `"${input.code}" is not one of the configured lost reasons.`, {
      code: input.code,
      allowedCodes: reasons.map((reason) => reason.code),
    });
  }
  const note = input.note?.trim() ?? '';
  if (definition.noteRequired && note.length === 0) {
    throw funnelError(
      FunnelErrorCode.LostReasonNoteRequired,
      `The lost reason "${definition.label}" needs a short explanation.`,
      { code: input.code },
    );
  }
  return { code: definition.code, note: note.length > 0 ? note : null };
}
