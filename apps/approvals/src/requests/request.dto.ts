import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ApprovalRequestStatus, ApprovalSubjectKind } from '@dealgate/domain';
import { PageQuery, MAX_INT4 } from '@dealgate/common';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ApproveDto {
  @ApiProperty({ description: 'The step you saw (currentStepIndex); a decided step answers 409' })
  @IsInt()
  @Min(0)
  @Max(MAX_INT4)
  stepIndex!: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class RejectDto {
  @ApiProperty({ description: 'The step you saw (currentStepIndex); a decided step answers 409' })
  @IsInt()
  @Min(0)
  @Max(MAX_INT4)
  stepIndex!: number;

  @ApiProperty({ maxLength: 2000, description: 'Why: the requester must learn what to change' })
  @Transform(trim)
  @IsString()
  @Matches(/\S/, { message: 'comment must say why the request is rejected' })
  @MaxLength(2000)
  comment!: string;
}

export class RecallDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class PendingQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ApprovalSubjectKind })
  @IsOptional()
  @IsEnum(ApprovalSubjectKind)
  subjectKind?: ApprovalSubjectKind;
}

export class RequestListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ApprovalRequestStatus })
  @IsOptional()
  @IsEnum(ApprovalRequestStatus)
  status?: ApprovalRequestStatus;

  @ApiPropertyOptional({ enum: ApprovalSubjectKind })
  @IsOptional()
  @IsEnum(ApprovalSubjectKind)
  subjectKind?: ApprovalSubjectKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ description: 'Only requests by this user' })
  @IsOptional()
  @IsUUID()
  requesterId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only the requests I asked for' })
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';
}

export class HistoryQuery extends PageQuery {
  @ApiProperty({ description: 'The sample, offer or contract whose approvals to list, oldest first' })
  @IsUUID()
  subjectId!: string;
}
