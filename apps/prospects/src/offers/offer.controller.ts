import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { Role, FunnelErrorCode } from '@dealgate/domain';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { Page, PageOf, CommonErrorCode, Refuses } from '@dealgate/common';
import { VersionedDto } from '../prospects/prospect.dto';
import { DefenceView } from './defence.repository';
import { DefenceService } from './defence.service';
import { OfferQuery, OfferTermsInputDto, RecordDefenceDto, UpdateOfferDto } from './offer.dto';
import { OfferView } from './offer.model';
import { OfferService } from './offer.service';
import { MOVES_PROSPECT, READS_PROSPECT, WRITES_OFFER, WRITES_PROSPECT } from '../shared/refusals';

const VIEWERS = [Role.Owner, Role.SalesHead, Role.Salesperson, Role.Legal, Role.Accounting];
const SALES = [Role.Owner, Role.SalesHead, Role.Salesperson];

@ApiTags('offers')
@ApiBearerAuth()
@Controller()
export class OfferController {
  constructor(
    private readonly offers: OfferService,
    private readonly defences: DefenceService,
  ) {}

  @Post('prospects/:id/offers')
  @Roles(...SALES)
  @ApiOperation({
    summary: 'Draft a commercial offer from the completed brief (items address its needs; prices in minor units)',
  })
  @Refuses(
    ...WRITES_PROSPECT,
    FunnelErrorCode.WrongStage,
    FunnelErrorCode.BriefNotReady,
    FunnelErrorCode.OfferAlreadyOpen,
    FunnelErrorCode.OfferNeedUnknown,
    FunnelErrorCode.OfferTermsInvalid,
  )
  create(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: OfferTermsInputDto,
  ): Promise<OfferView> {
    return this.offers.create(user, id, dto);
  }

  @Get('prospects/:id/offers')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'Every offer version of a prospect' })
  @Refuses(...READS_PROSPECT)
  forProspect(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OfferView[]> {
    return this.offers.forProspect(user, id);
  }

  @Get('offers')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'Offers the caller may see, filtered by status, prospect, unit, owner' })
  @ApiOkResponse({ type: PageOf(OfferView) })
  list(@CurrentUser() user: Principal, @Query() query: OfferQuery): Promise<Page<OfferView>> {
    return this.offers.list(user, query);
  }

  @Get('offers/:id')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'One offer version' })
  @Refuses(CommonErrorCode.NotFound)
  get(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OfferView> {
    return this.offers.get(user, id);
  }

  @Patch('offers/:id')
  @Roles(...SALES)
  @ApiOperation({ summary: 'Edit a draft, rejected or pending offer (a pending one loses its approval request)' })
  @Refuses(
    ...WRITES_OFFER,
    FunnelErrorCode.OfferNotEditable,
    FunnelErrorCode.OfferNeedUnknown,
    FunnelErrorCode.OfferTermsInvalid,
  )
  update(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOfferDto,
  ): Promise<OfferView> {
    return this.offers.update(user, id, dto);
  }

  @Post('offers/:id/submit')
  @HttpCode(200)
  @Roles(...SALES)
  @ApiOperation({ summary: 'Submit the offer for approval by a head (never its author)' })
  @Refuses(
    ...WRITES_OFFER,
    FunnelErrorCode.OfferNotEditable,
    FunnelErrorCode.WrongStage,
    FunnelErrorCode.OfferEmpty,
    FunnelErrorCode.OfferItemWithoutNeed,
    FunnelErrorCode.OfferTermsInvalid,
  )
  submit(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VersionedDto,
  ): Promise<OfferView> {
    return this.offers.submit(user, id, dto.version);
  }

  @Post('offers/:id/revisions')
  @Roles(...SALES)
  @ApiOperation({
    summary: 'Start a new version of an approved offer (voids its approval) or of one with changes requested',
    description:
      'Answers the new version: a new offer with its own id and the next `number`, a copy of the terms to edit; ' +
      'an approved version it came from becomes `superseded`; the old one stays readable (`previousOfferId`).',
  })
  @Refuses(
    ...MOVES_PROSPECT,
    FunnelErrorCode.OfferNotRevisable,
    FunnelErrorCode.OfferAlreadyOpen,
    FunnelErrorCode.OfferNeedUnknown,
  )
  revise(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VersionedDto,
  ): Promise<OfferView> {
    return this.offers.revise(user, id, dto.version);
  }

  @Post('offers/:id/defences')
  @Roles(...SALES)
  @ApiOperation({
    summary: 'Record the defence of the approved offer (in person or video only; e-mail, phone, letter are refused)',
  })
  @Refuses(
    ...MOVES_PROSPECT,
    FunnelErrorCode.MeetingNotHeld,
    FunnelErrorCode.ContactNotOfProspect,
    FunnelErrorCode.OfferNotApproved,
    FunnelErrorCode.DefenceChannelRefused,
    FunnelErrorCode.DefenceWithoutDecisionMaker,
  )
  defend(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordDefenceDto,
  ): Promise<DefenceView> {
    return this.defences.record(user, id, dto);
  }

  @Get('offers/:id/defences')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'Defences of an offer' })
  @Refuses(CommonErrorCode.NotFound)
  defencesOf(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<DefenceView[]> {
    return this.defences.list(user, id);
  }
}
