import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { Role, ApprovalErrorCode } from '@dealgate/domain';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { Page, PageOf, Refuses } from '@dealgate/common';
import { CreateDelegationDto, DelegationListQuery } from './delegation.dto';
import { DelegationView } from './delegation.repository';
import { DelegationService } from './delegation.service';

@ApiTags('approvals')
@ApiBearerAuth()
@Roles(Role.Owner, Role.SalesHead, Role.Salesperson, Role.Legal, Role.Accounting)
@Controller('approvals/delegations')
export class DelegationController {
  constructor(private readonly delegations: DelegationService) {}

  @Post()
  @ApiOperation({ summary: 'Let a colleague decide my approvals for a date range' })
  @Refuses(ApprovalErrorCode.DelegationInvalid)
  create(@CurrentUser() user: Principal, @Body() dto: CreateDelegationDto): Promise<DelegationView> {
    return this.delegations.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Delegations I gave or received' })
  @ApiOkResponse({ type: PageOf(DelegationView) })
  list(@CurrentUser() user: Principal, @Query() query: DelegationListQuery): Promise<Page<DelegationView>> {
    return this.delegations.list(user, query);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke one of my delegations' })
  @Refuses(ApprovalErrorCode.DelegationNotFound)
  revoke(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<DelegationView> {
    return this.delegations.revoke(user, id);
  }
}
