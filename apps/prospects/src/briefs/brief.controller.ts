import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, FunnelErrorCode } from '@dealgate/domain';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { VersionedDto } from '../prospects/prospect.dto';
import { SaveBriefDto } from './brief.dto';
import { BriefView } from './brief.repository';
import { BriefService } from './brief.service';
import { CommonErrorCode, Refuses } from '@dealgate/common';
import { MOVES_PROSPECT, READS_PROSPECT, WRITES_PROSPECT } from '../shared/refusals';

@ApiTags('prospects')
@ApiBearerAuth()
@Controller('prospects/:id/brief')
export class BriefController {
  constructor(private readonly service: BriefService) {}

  @Get()
  @Roles(Role.Owner, Role.SalesHead, Role.Salesperson, Role.Legal, Role.Accounting)
  @ApiOperation({ summary: "The prospect's brief" })
  @Refuses(...READS_PROSPECT)
  get(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<BriefView> {
    return this.service.get(user, id);
  }

  @Put()
  @Roles(Role.Owner, Role.SalesHead, Role.Salesperson)
  @ApiOperation({ summary: 'Write or update the brief (sections and needs); a draft may have gaps' })
  @Refuses(
    ...WRITES_PROSPECT,
    FunnelErrorCode.WrongStage,
    FunnelErrorCode.BriefIncomplete,
    CommonErrorCode.VersionConflict,
  )
  save(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SaveBriefDto,
  ): Promise<BriefView> {
    return this.service.save(user, id, dto);
  }

  @Post('complete')
  @HttpCode(200)
  @Roles(Role.Owner, Role.SalesHead, Role.Salesperson)
  @ApiOperation({ summary: 'Finish needs identification with the brief (all sections, a need, after a held meeting)' })
  @Refuses(...MOVES_PROSPECT, FunnelErrorCode.MeetingNotHeld, FunnelErrorCode.BriefIncomplete)
  complete(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VersionedDto,
  ): Promise<BriefView> {
    return this.service.complete(user, id, dto.version);
  }
}
