export class LostReasonEntry {
  /** Stable code used by analytics: never renamed while in use. */
  code!: string;
  label!: string;
  /** When true the user must explain in free text (e.g. "other"). */
  noteRequired!: boolean;
  active!: boolean;
  position!: number;
}
