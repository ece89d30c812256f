import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { Role, FunnelErrorCode } from '@dealgate/domain';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { Page, PageOf, PageQuery, Refuses } from '@dealgate/common';
import {
  CancelMeetingDto,
  CreateContactDto,
  LogContactAttemptDto,
  MeetingHeldDto,
  RescheduleMeetingDto,
  ScheduleMeetingDto,
} from './activity.dto';
import { ContactAttemptView, ContactView, MeetingView } from './activity.repository';
import { ActivityService } from './activity.service';
import { MOVES_PROSPECT, READS_PROSPECT, WRITES_PROSPECT } from '../shared/refusals';

const VIEWERS = [Role.Owner, Role.SalesHead, Role.Salesperson, Role.Legal, Role.Accounting];
const SALES = [Role.Owner, Role.SalesHead, Role.Salesperson];

@ApiTags('prospects')
@ApiBearerAuth()
@Controller('prospects/:id')
export class ActivityController {
  constructor(private readonly service: ActivityService) {}

  @Post('contacts')
  @Roles(...SALES)
  @ApiOperation({ summary: 'Add a contact person of the prospect (mark decision-makers and say why they decide)' })
  @Refuses(...WRITES_PROSPECT)
  addContact(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateContactDto,
  ): Promise<ContactView> {
    return this.service.addContact(user, id, dto);
  }

  @Get('contacts')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'Contacts of the prospect' })
  @Refuses(...READS_PROSPECT)
  contacts(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ContactView[]> {
    return this.service.contacts(user, id);
  }

  @Post('contact-attempts')
  @Roles(...SALES)
  @ApiOperation({ summary: 'Log a contact attempt (call, e-mail, message, visit); it never moves the stage' })
  @Refuses(...MOVES_PROSPECT, FunnelErrorCode.ContactNotOfProspect)
  logAttempt(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: LogContactAttemptDto,
  ): Promise<ContactAttemptView> {
    return this.service.logAttempt(user, id, dto);
  }

  @Get('contact-attempts')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'Contact attempts, newest first' })
  @ApiOkResponse({ type: PageOf(ContactAttemptView) })
  @Refuses(...READS_PROSPECT)
  attempts(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<ContactAttemptView>> {
    return this.service.attempts(user, id, query);
  }

  @Post('meetings')
  @Roles(...SALES)
  @ApiOperation({ summary: 'Schedule a meeting; at primary contact, one with a decision-maker finishes the stage' })
  @Refuses(
    ...MOVES_PROSPECT,
    FunnelErrorCode.ContactNotOfProspect,
    FunnelErrorCode.NotDecisionMaker,
    FunnelErrorCode.DecisionMakerIncomplete,
  )
  schedule(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ScheduleMeetingDto,
  ): Promise<MeetingView> {
    return this.service.schedule(user, id, dto);
  }

  @Get('meetings')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'Meetings with their history (held, cancelled, rescheduled)' })
  @Refuses(...READS_PROSPECT)
  meetings(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<MeetingView[]> {
    return this.service.meetings(user, id);
  }

  @Post('meetings/:meetingId/held')
  @HttpCode(200)
  @Roles(...SALES)
  @ApiOperation({ summary: 'Mark a meeting held' })
  @Refuses(...WRITES_PROSPECT, FunnelErrorCode.MeetingNotOpen, FunnelErrorCode.MeetingNotHeld)
  held(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() dto: MeetingHeldDto,
  ): Promise<MeetingView> {
    return this.service.markHeld(user, id, meetingId, dto);
  }

  @Post('meetings/:meetingId/cancel')
  @HttpCode(200)
  @Roles(...SALES)
  @ApiOperation({ summary: 'Cancel a meeting (kept in history)' })
  @Refuses(...WRITES_PROSPECT, FunnelErrorCode.MeetingNotOpen)
  cancel(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() dto: CancelMeetingDto,
  ): Promise<MeetingView> {
    return this.service.cancel(user, id, meetingId, dto);
  }

  @Post('meetings/:meetingId/reschedule')
  @HttpCode(200)
  @Roles(...SALES)
  @ApiOperation({ summary: 'Move a meeting to a new time (the old time stays in history)' })
  @Refuses(...WRITES_PROSPECT, FunnelErrorCode.MeetingNotOpen)
  reschedule(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() dto: RescheduleMeetingDto,
  ): Promise<MeetingView> {
    return this.service.reschedule(user, id, meetingId, dto);
  }
}
