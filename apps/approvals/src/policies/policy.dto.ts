import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_INT4 } from '@dealgate/common';
import {
  ApprovalPolicy,
  ApprovalPolicyStep,
  ApprovalSubjectKind,
  ApproverRule,
  ApproverRuleKind,
  RoleApproverRule,
  Role,
} from '@dealgate/domain';

const MAX_MINUTES = 60 * 24 * 365;

export class RoleRuleDto {
  @ApiProperty({ enum: [ApproverRuleKind.Role] })
  @IsIn([ApproverRuleKind.Role])
  kind!: ApproverRuleKind.Role;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role!: Role;

  @ApiProperty({ description: 'Only holders of the role within the subject’s unit' })
  @IsBoolean()
  unitScoped!: boolean;
}

/** `role`: anyone with the role (optionally within the unit); `unit_head`: the unit's head, else the fallback. */
export class ApproverRuleDto {
  @ApiProperty({ enum: ApproverRuleKind })
  @IsEnum(ApproverRuleKind)
  kind!: ApproverRuleKind;

  @ApiPropertyOptional({ enum: Role, description: 'With kind role' })
  @ValidateIf((rule: ApproverRuleDto) => rule.kind === ApproverRuleKind.Role)
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ description: 'With kind role' })
  @ValidateIf((rule: ApproverRuleDto) => rule.kind === ApproverRuleKind.Role)
  @IsBoolean()
  unitScoped?: boolean;

  @ApiPropertyOptional({ type: RoleRuleDto, description: 'With kind unit_head: who decides when there is no head' })
  @ValidateIf((rule: ApproverRuleDto) => rule.kind === ApproverRuleKind.UnitHead)
  @IsObject()
  @ValidateNested()
  @Type(() => RoleRuleDto)
  fallback?: RoleRuleDto;
}

export class ConditionDto {
  @ApiPropertyOptional({ nullable: true, description: 'The step applies when the amount is above this' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  amountAbove?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'The step applies when the discount % is above this' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  discountPercentAbove?: number | null;
}

export class PolicyStepDto {
  @ApiProperty({ type: ApproverRuleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ApproverRuleDto)
  approver!: ApproverRuleDto;

  @ApiPropertyOptional({ type: ConditionDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConditionDto)
  condition?: ConditionDto | null;

  @ApiProperty({ minimum: 1, description: 'Minutes from the step opening to the reminder' })
  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES)
  dueAfterMinutes!: number;

  @ApiProperty({ minimum: 1, description: 'Minutes from the reminder to the escalation' })
  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES)
  escalationGraceMinutes!: number;

  @ApiProperty({ type: ApproverRuleDto, nullable: true, description: 'Who may step in once escalated; null: nobody' })
  @ValidateIf((_, value) => value !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => ApproverRuleDto)
  escalateTo!: ApproverRuleDto | null;
}

export class ReplacePolicyDto {
  @ApiProperty({ description: 'The version you edited (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;

  @ApiProperty({ type: [PolicyStepDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PolicyStepDto)
  steps!: PolicyStepDto[];
}

export function toPolicy(kind: ApprovalSubjectKind, dto: ReplacePolicyDto): ApprovalPolicy {
  return { subjectKind: kind, steps: dto.steps.map(toStep) };
}

function toStep(dto: PolicyStepDto): ApprovalPolicyStep {
  const condition =
    dto.condition === undefined || dto.condition === null
      ? null
      : {
          amountAbove: dto.condition.amountAbove ?? null,
          discountPercentAbove: dto.condition.discountPercentAbove ?? null,
        };
  return {
    approver: toRule(dto.approver),
    condition,
    dueAfterMinutes: dto.dueAfterMinutes,
    escalationGraceMinutes: dto.escalationGraceMinutes,
    escalateTo: dto.escalateTo === null ? null : toRule(dto.escalateTo),
  };
}

function toRule(dto: ApproverRuleDto): ApproverRule {
  // The DTO's conditional validation guarantees the fields of each kind.
  return dto.kind === ApproverRuleKind.Role
    ? roleRule(dto.role!, dto.unitScoped!)
    : { kind: ApproverRuleKind.UnitHead, fallback: roleRule(dto.fallback!.role, dto.fallback!.unitScoped) };
}

function roleRule(role: Role, unitScoped: boolean): RoleApproverRule {
  return { kind: ApproverRuleKind.Role, role, unitScoped };
}
