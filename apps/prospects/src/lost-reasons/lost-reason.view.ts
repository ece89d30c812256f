import { ApiProperty } from '@nestjs/swagger';

export class LostReasonLabelsView {
  en!: string;
  hu!: string;
}

export class LostReasonEntry {
  /** Stable code used by analytics: never renamed while in use. */
  code!: string;
  /** The English label as stored. */
  label!: string;
  /** The Hungarian label as stored; `null` when the admin gave none. */
  @ApiProperty({ type: String, nullable: true })
  labelHu!: string | null;
  /** What a reader of each language sees (their language's label, else the other one). */
  labels!: LostReasonLabelsView;
  /** When true the user must explain in free text (e.g. "other"). */
  noteRequired!: boolean;
  active!: boolean;
  position!: number;
}
