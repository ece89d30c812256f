import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { Role, IdentityErrorCode } from '@dealgate/domain';
import { Roles } from '@dealgate/auth';
import { Page, PageOf, Refuses } from '@dealgate/common';
import { Actor, CurrentActor } from '../audit/actor';
import { CreateUnitDto, UnitQuery, UnitView, UpdateUnitDto } from './units.dto';
import { UnitsService } from './units.service';

/** Appointing a head (create, update): the person must exist, be active and be a sales head or the owner. */
const APPOINTS_HEAD = [
  IdentityErrorCode.UserNotFound,
  IdentityErrorCode.HeadInactive,
  IdentityErrorCode.HeadWithoutRole,
];

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create a sales unit, optionally with its head (admin)' })
  @Refuses(IdentityErrorCode.UnitNameTaken, ...APPOINTS_HEAD)
  create(@Body() dto: CreateUnitDto, @CurrentActor() actor: Actor): Promise<UnitView> {
    return this.units.create(dto, actor);
  }

  @Get()
  @Roles(Role.Admin, Role.Owner, Role.SalesHead)
  @ApiOperation({ summary: 'List sales units (admin, owner, sales head)' })
  @ApiOkResponse({ type: PageOf(UnitView) })
  list(@Query() query: UnitQuery): Promise<Page<UnitView>> {
    return this.units.list(query);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Owner, Role.SalesHead)
  @ApiOperation({ summary: 'One sales unit (admin, owner, sales head)' })
  @Refuses(IdentityErrorCode.UnitNotFound)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UnitView> {
    return this.units.get(id);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Rename, close or change the head of a unit (admin)' })
  @Refuses(
    IdentityErrorCode.UnitNotFound,
    IdentityErrorCode.UnitNameTaken,
    ...APPOINTS_HEAD,
    IdentityErrorCode.VersionConflict,
  )
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUnitDto,
    @CurrentActor() actor: Actor,
  ): Promise<UnitView> {
    return this.units.update(id, dto, actor);
  }
}
