import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { DIGEST_MODES, DigestMode, NOTIFIABLE_EVENTS, NotifiableEvent, PreferenceMatrixRow } from '@dealgate/domain';

export class EventPreferenceDto {
  @ApiProperty({ enum: NOTIFIABLE_EVENTS })
  @IsIn(NOTIFIABLE_EVENTS)
  eventType!: NotifiableEvent;

  @ApiPropertyOptional({ description: 'Show in the inbox and the live stream' })
  @IsOptional()
  @IsBoolean()
  inApp?: boolean;

  @ApiPropertyOptional({ description: 'Send by e-mail (one by one, or in the digest)' })
  @IsOptional()
  @IsBoolean()
  email?: boolean;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ enum: DIGEST_MODES, description: '`off`: one e-mail per event; `hourly`/`daily`: bundled' })
  @IsOptional()
  @IsIn(DIGEST_MODES)
  digest?: DigestMode;

  @ApiPropertyOptional({ type: [EventPreferenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFIABLE_EVENTS.length * 2)
  @ValidateNested({ each: true })
  @Type(() => EventPreferenceDto)
  events?: EventPreferenceDto[];
}

/** One event type's channels as they apply now (what is not stored is on). */
export class PreferenceRowView implements PreferenceMatrixRow {
  @ApiProperty({ enum: NOTIFIABLE_EVENTS })
  eventType!: NotifiableEvent;

  @ApiProperty({ description: 'Shown in the inbox and the live stream' })
  inApp!: boolean;

  @ApiProperty({ description: 'Sent by e-mail (one by one, or in the digest)' })
  email!: boolean;
}

export class PreferencesView {
  @ApiProperty({ enum: DIGEST_MODES })
  digest!: DigestMode;

  @ApiProperty({ type: [PreferenceRowView], description: 'Every event type with both channels (defaults: on)' })
  events!: PreferenceRowView[];
}
