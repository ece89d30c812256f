import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { Role, ApprovalErrorCode } from '@dealgate/domain';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { Page, PageOf, Refuses } from '@dealgate/common';
import { ApproveDto, HistoryQuery, PendingQuery, RecallDto, RejectDto, RequestListQuery } from './request.dto';
import { RequestDecisionService } from './request-decision.service';
import { RequestQueryService } from './request-query.service';
import { RequestDetailView, RequestSummaryView } from './request.views';

/** Deciding the current step: a request the caller sees, still open, at that step, and the caller may decide it. */
const DECIDES_STEP = [
  ApprovalErrorCode.RequestNotFound,
  ApprovalErrorCode.RequestClosed,
  ApprovalErrorCode.StaleStep,
  ApprovalErrorCode.ForbiddenOwnRequest,
  ApprovalErrorCode.AdminNotApprover,
  ApprovalErrorCode.WrongUnit,
  ApprovalErrorCode.NotEligible,
];

// Administrators configure policies but take no business decisions and see no requests.
const PEOPLE = [Role.Owner, Role.SalesHead, Role.Salesperson, Role.Legal, Role.Accounting];

@ApiTags('approvals')
@ApiBearerAuth()
@Roles(...PEOPLE)
@Controller('approvals')
export class RequestController {
  constructor(
    private readonly queries: RequestQueryService,
    private readonly decisions: RequestDecisionService,
  ) {}

  @Get('pending')
  @ApiOperation({ summary: 'Requests waiting for my decision (my role and unit, delegations, escalations)' })
  @ApiOkResponse({ type: PageOf(RequestSummaryView) })
  pending(@CurrentUser() user: Principal, @Query() query: PendingQuery): Promise<Page<RequestSummaryView>> {
    return this.queries.pending(user, query);
  }

  @Get('history')
  @ApiOperation({ summary: 'Every approval request of one subject, oldest first, with decisions and audit' })
  @ApiOkResponse({ type: PageOf(RequestDetailView) })
  history(@CurrentUser() user: Principal, @Query() query: HistoryQuery): Promise<Page<RequestDetailView>> {
    return this.queries.history(user, query);
  }

  @Get()
  @ApiOperation({ summary: 'Approval requests I may see, newest first, filterable' })
  @ApiOkResponse({ type: PageOf(RequestSummaryView) })
  list(@CurrentUser() user: Principal, @Query() query: RequestListQuery): Promise<Page<RequestSummaryView>> {
    return this.queries.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One request: the frozen snapshot, its chain and its full history' })
  @Refuses(ApprovalErrorCode.RequestNotFound)
  detail(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<RequestDetailView> {
    return this.queries.detail(id, user);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve the current step (never your own request)' })
  @Refuses(...DECIDES_STEP)
  approve(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ApproveDto,
  ): Promise<RequestDetailView> {
    return this.decisions.approve(id, user, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject the request at the current step; a comment is required' })
  @Refuses(...DECIDES_STEP, ApprovalErrorCode.CommentRequired)
  reject(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RejectDto,
  ): Promise<RequestDetailView> {
    return this.decisions.reject(id, user, dto);
  }

  @Post(':id/recall')
  @HttpCode(200)
  @ApiOperation({ summary: 'Recall my own pending request' })
  @Refuses(ApprovalErrorCode.RequestNotFound, ApprovalErrorCode.RequestClosed, ApprovalErrorCode.RecallNotRequester)
  recall(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecallDto,
  ): Promise<RequestDetailView> {
    return this.decisions.recall(id, user, dto);
  }
}
