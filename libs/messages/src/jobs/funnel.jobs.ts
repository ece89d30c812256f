import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OfferTermsDto } from './terms.dto';
import type { PayloadsOf } from './payloads-of';

/** Published by the prospects service (the funnel and its analytics). */
export const FunnelJob = {
  StageChanged: 'prospect.stage_changed',
  OfferDefended: 'offer.defended',
  ProspectStalled: 'prospect.stalled',
  NormBreached: 'norm.breached',
  EarlyWarningRaised: 'early_warning.raised',
} as const;

// Stage values mirror `Stage` in libs/domain/src/funnel/stage.ts.
const STAGES = ['sampling', 'primary_contact', 'needs_identification', 'offer_formation', 'offer_defence', 'contract'];
const STATUSES = ['active', 'won', 'lost'];

export class StageChangedPayload {
  @IsUUID()
  prospectId!: string;

  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  ownerId!: string | null;

  @IsUUID()
  unitId!: string;

  @IsUUID()
  productLineId!: string;

  @ValidateIf((_, v) => v !== null)
  @IsIn(STAGES)
  fromStage!: string | null;

  @IsIn(STAGES)
  toStage!: string;

  @IsIn(STATUSES)
  status!: string;

  @IsISO8601()
  at!: string;

  /** Status before the move (a lost or reopened prospect keeps its stage and changes status). */
  @IsOptional()
  @IsIn(STATUSES)
  fromStatus?: string;

  /** What moved it (FunnelEventKind, e.g. `meeting_scheduled`, `lost`). */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  eventKind?: string;

  /** Who caused the move; null when the system did (e.g. a signature reported by contracts). */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  actorId?: string | null;

  /** The result that finished the stage (sample, meeting, brief, offer, defence, contract) and its id. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(40)
  evidenceKind?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  evidenceId?: string | null;
}

export class OfferDefendedPayload {
  @IsUUID()
  prospectId!: string;

  @IsUUID()
  offerId!: string;

  @IsUUID()
  defenceId!: string;

  /** The salesperson, who keeps read-only access to the contract case. */
  @IsUUID()
  salespersonId!: string;

  @IsUUID()
  unitId!: string;

  @IsUUID()
  productLineId!: string;

  /** The approved offer's terms: the contract's baseline. */
  @IsObject()
  @ValidateNested()
  @Type(() => OfferTermsDto)
  terms!: OfferTermsDto;

  @IsISO8601()
  defendedAt!: string;

  /** The prospect's company, for people reading the contract case. */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  companyName?: string;
}

export class ProspectStalledPayload {
  @IsUUID()
  prospectId!: string;

  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  ownerId!: string | null;

  @IsUUID()
  unitId!: string;

  @IsIn(STAGES)
  stage!: string;

  @IsISO8601()
  enteredAt!: string;

  @IsInt()
  @Min(0)
  limitDays!: number;
}

export class NormBreachedPayload {
  @IsUUID()
  salespersonId!: string;

  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  unitId!: string | null;

  @IsString()
  @MaxLength(100)
  norm!: string;

  /** e.g. `2026-11` */
  @IsString()
  @MaxLength(40)
  period!: string;

  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  value!: number | null;

  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  min!: number | null;

  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  max!: number | null;
}

export class EarlyWarningRaisedPayload {
  @IsUUID()
  salespersonId!: string;

  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  unitId!: string | null;

  @IsString()
  @MaxLength(100)
  rule!: string;

  /** Counts and dates only (e.g. prospects worked, briefs, window). */
  @IsOptional()
  @IsObject()
  evidence?: Record<string, unknown>;
}

export const FUNNEL_PAYLOAD_CLASSES = {
  [FunnelJob.StageChanged]: StageChangedPayload,
  [FunnelJob.OfferDefended]: OfferDefendedPayload,
  [FunnelJob.ProspectStalled]: ProspectStalledPayload,
  [FunnelJob.NormBreached]: NormBreachedPayload,
  [FunnelJob.EarlyWarningRaised]: EarlyWarningRaisedPayload,
};

export type FunnelPayloads = PayloadsOf<typeof FUNNEL_PAYLOAD_CLASSES>;
