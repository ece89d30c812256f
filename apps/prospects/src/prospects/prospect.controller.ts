import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Role, FunnelErrorCode } from '@dealgate/domain';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { ErrorBody, CommonErrorCode, Refuses } from '@dealgate/common';
import { AgendaDto, AgendaQuery } from './agenda.dto';
import { AgendaService } from './agenda.service';
import { BoardDto, BoardQuery } from './board.dto';
import { ProspectDetailDto } from './prospect-detail.dto';
import { ProspectViewService } from './prospect-view.service';
import { AssignProspectDto, BulkAssignDto, LoseProspectDto, ProspectQuery, VersionedDto } from './prospect.dto';
import { Prospect } from './prospect.model';
import { ProspectPage, StageHistoryEntry } from './prospect.view';
import { ProspectService } from './prospect.service';
import { READS_PROSPECT, WRITES_PROSPECT } from '../shared/refusals';

const VIEWERS = [Role.Owner, Role.SalesHead, Role.Salesperson, Role.Legal, Role.Accounting];
const SALES = [Role.Owner, Role.SalesHead, Role.Salesperson];

@ApiTags('prospects')
@ApiBearerAuth()
@Controller('prospects')
export class ProspectController {
  constructor(
    private readonly service: ProspectService,
    private readonly views: ProspectViewService,
    private readonly agenda: AgendaService,
  ) {}

  @Get()
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: 'Prospects the caller may see, filtered by stage, status, owner, unit, product line, sample',
  })
  @ApiOkResponse({ type: ProspectPage })
  list(@CurrentUser() user: Principal, @Query() query: ProspectQuery): Promise<ProspectPage> {
    return this.service.list(user, query);
  }

  @Get('board')
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: 'The board: visible active prospects per stage, with counts over the filtered set and gate summaries',
  })
  @ApiOkResponse({ type: BoardDto })
  board(@CurrentUser() user: Principal, @Query() query: BoardQuery): Promise<BoardDto> {
    return this.views.board(user, query);
  }

  @Get('agenda')
  @Roles(...SALES)
  @ApiOperation({
    summary: "The caller's home page: today's meetings, stalled prospects, waiting offers (a sales head: the unit)",
  })
  @ApiOkResponse({ type: AgendaDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: '`agenda.range_invalid`: `to` is not after `from`, or the day is longer than 48 hours',
  })
  @Refuses(FunnelErrorCode.AgendaRangeInvalid)
  agendaFor(@CurrentUser() user: Principal, @Query() query: AgendaQuery): Promise<AgendaDto> {
    return this.agenda.forCaller(user, query);
  }

  @Post('assignments')
  @HttpCode(200)
  @Roles(Role.Owner, Role.SalesHead)
  @ApiOperation({ summary: 'Assign many prospects of the unit to one salesperson (all or none)' })
  @Refuses(
    ...WRITES_PROSPECT,
    FunnelErrorCode.ProspectLost,
    FunnelErrorCode.WrongStage,
    FunnelErrorCode.AssigneeNotSalesperson,
    CommonErrorCode.VersionConflict,
  )
  assignMany(@CurrentUser() user: Principal, @Body() dto: BulkAssignDto): Promise<Prospect[]> {
    return this.service.assignMany(user, dto);
  }

  @Get(':id')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'One prospect with its stage checklist, time in stage and what the caller may do' })
  @ApiOkResponse({ type: ProspectDetailDto })
  @Refuses(...READS_PROSPECT)
  get(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ProspectDetailDto> {
    return this.views.detail(user, id);
  }

  @Get(':id/transitions')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'The stage-transition log of a prospect (who, when, from, to, which evidence)' })
  @Refuses(...READS_PROSPECT)
  history(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<StageHistoryEntry[]> {
    return this.service.history(user, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles(Role.Owner, Role.SalesHead)
  @ApiOperation({ summary: 'Assign the prospect to a salesperson of its unit (sales head of the unit, owner)' })
  @Refuses(
    ...WRITES_PROSPECT,
    FunnelErrorCode.ProspectLost,
    FunnelErrorCode.WrongStage,
    FunnelErrorCode.AssigneeNotSalesperson,
    CommonErrorCode.VersionConflict,
  )
  assign(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignProspectDto,
  ): Promise<Prospect> {
    return this.service.assign(user, id, dto);
  }

  @Post(':id/lose')
  @HttpCode(200)
  @Roles(...SALES)
  @ApiOperation({ summary: 'Mark the prospect lost with a configured reason (and free text)' })
  @Refuses(
    ...WRITES_PROSPECT,
    FunnelErrorCode.ProspectWon,
    FunnelErrorCode.ProspectLost,
    FunnelErrorCode.LostReasonUnknown,
    FunnelErrorCode.LostReasonNoteRequired,
    CommonErrorCode.VersionConflict,
  )
  lose(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: LoseProspectDto,
  ): Promise<Prospect> {
    return this.service.lose(user, id, dto);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles(Role.Owner, Role.SalesHead)
  @ApiOperation({ summary: 'Reopen a lost prospect at the stage where it was lost (sales head of the unit, owner)' })
  @Refuses(
    ...WRITES_PROSPECT,
    FunnelErrorCode.ProspectWon,
    FunnelErrorCode.ProspectNotLost,
    FunnelErrorCode.ReopenNotAllowed,
    CommonErrorCode.VersionConflict,
  )
  reopen(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VersionedDto,
  ): Promise<Prospect> {
    return this.service.reopen(user, id, dto);
  }
}
