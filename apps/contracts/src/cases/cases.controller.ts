import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { Page, PageOf, CommonErrorCode, Refuses } from '@dealgate/common';
import { Role, ContractErrorCode } from '@dealgate/domain';
import { CaseSummaryView, CaseView } from './case.view';
import { CaseListQuery, EditTermsDto, SignContractDto } from './cases.dto';
import { CasesService } from './cases.service';
import { SigningService } from './signing.service';
import { TermsService } from './terms.service';

/** A case the caller may change: one they may not see is not found, one they may only read (or signed) forbidden. */
const WRITES_CASE = [CommonErrorCode.NotFound, CommonErrorCode.Forbidden];

// Everyone with a stake in a deal reaches the case; object-level rules decide (a foreign case 404, a read-only
// viewer's write 403), so the salesperson's edit attempt is refused by the case rules, not by a missing role.
const READERS = [Role.Owner, Role.SalesHead, Role.Salesperson, Role.Legal, Role.Accounting];

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly terms: TermsService,
    private readonly signing: SigningService,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Contract cases the caller may see, newest first; filter by status, unit, prospect, salesperson',
  })
  @ApiOkResponse({ type: PageOf(CaseSummaryView) })
  list(@CurrentUser() user: Principal, @Query() query: CaseListQuery): Promise<Page<CaseSummaryView>> {
    return this.cases.list(user, query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One case: baseline, current terms and their diff, approval, tasks, what blocks signing' })
  @ApiOkResponse({ type: CaseView })
  @Refuses(CommonErrorCode.NotFound)
  get(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CaseView> {
    return this.cases.get(user, id);
  }

  @Put(':id/terms')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Edit the terms (legal, accounting); a deviation from the baseline is sent for approval' })
  @ApiOkResponse({ type: CaseView })
  @Refuses(...WRITES_CASE, CommonErrorCode.VersionConflict, ContractErrorCode.InvalidTerms)
  editTerms(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EditTermsDto,
  ): Promise<CaseView> {
    return this.terms.edit(user, id, dto);
  }

  @Post(':id/deviation-approval')
  @HttpCode(202)
  @Roles(...READERS)
  @ApiOperation({ summary: 'Ask approval of the current deviation again (after a rejection or a recall)' })
  @ApiOkResponse({ type: CaseView })
  @Refuses(...WRITES_CASE, CommonErrorCode.Conflict)
  requestApproval(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CaseView> {
    return this.terms.requestApproval(user, id);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Sign: needs every required task done and no unapproved deviation (409 naming what is missing)',
  })
  @ApiOkResponse({ type: CaseView })
  @Refuses(...WRITES_CASE, ContractErrorCode.SigningBlocked)
  sign(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SignContractDto,
  ): Promise<CaseView> {
    return this.signing.sign(user, id, dto);
  }
}
