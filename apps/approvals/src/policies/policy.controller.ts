import { Body, Controller, Get, Param, ParseEnumPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApprovalErrorCode, ApprovalSubjectKind, PolicyFieldErrorCode, Role } from '@dealgate/domain';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { ReplacePolicyDto } from './policy.dto';
import { StoredPolicy } from './policy.repository';
import { PolicyService } from './policy.service';
import { Refuses } from '@dealgate/common';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals/policies')
export class PolicyController {
  constructor(private readonly policies: PolicyService) {}

  @Get()
  @Roles(Role.Admin, Role.Owner, Role.SalesHead)
  @ApiOperation({ summary: 'Approval policies: who approves what, in which order, with which SLA' })
  list(): Promise<StoredPolicy[]> {
    return this.policies.list();
  }

  @Get(':subjectKind')
  @Roles(Role.Admin, Role.Owner, Role.SalesHead)
  @ApiOperation({ summary: 'The approval policy of one subject kind' })
  @Refuses(ApprovalErrorCode.PolicyNotFound)
  get(@Param('subjectKind', new ParseEnumPipe(ApprovalSubjectKind)) kind: ApprovalSubjectKind): Promise<StoredPolicy> {
    return this.policies.get(kind);
  }

  @Put(':subjectKind')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Replace a policy (admin); applies to requests opened afterwards',
    description:
      'A policy that breaks a rule answers 422 `approval.policy_invalid` with every problem at once in ' +
      '`details.errors` (`field`, `code`, `message`); each `code` is one of ' +
      `${Object.values(PolicyFieldErrorCode)
        .map((c) => `\`${c}\``)
        .join(', ')}.`,
  })
  @Refuses(ApprovalErrorCode.PolicyInvalid, ApprovalErrorCode.VersionConflict)
  replace(
    @Param('subjectKind', new ParseEnumPipe(ApprovalSubjectKind)) kind: ApprovalSubjectKind,
    @Body() dto: ReplacePolicyDto,
    @CurrentUser() admin: Principal,
  ): Promise<StoredPolicy> {
    return this.policies.replace(kind, dto, admin);
  }
}
