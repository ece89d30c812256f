import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '@dealgate/domain';
import { Roles } from '@dealgate/auth';
import { LostReasonEntry, LostReasonRepository } from './lost-reason.repository';
import { UpsertLostReasonDto, LostReasonCodeParam } from './lost-reason.dto';

/** The configurable list of lost reasons. Codes are kept forever (analytics group by them); retire with active=false. */
@ApiTags('prospects')
@ApiBearerAuth()
@Controller('prospects/lost-reasons')
export class LostReasonController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: LostReasonRepository,
  ) {}

  @Get()
  @Roles(Role.Owner, Role.SalesHead, Role.Salesperson, Role.Admin)
  @ApiOperation({ summary: 'Configured lost reasons (retired ones included, with active=false)' })
  list(): Promise<LostReasonEntry[]> {
    return this.repo.all(this.dataSource.manager);
  }

  @Put(':code')
  @Roles(Role.Admin, Role.Owner)
  @ApiOperation({ summary: 'Add or change a lost reason' })
  upsert(@Param() params: LostReasonCodeParam, @Body() dto: UpsertLostReasonDto): Promise<LostReasonEntry> {
    return this.repo.upsert(this.dataSource.manager, { code: params.code, ...dto });
  }
}
