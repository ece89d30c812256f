import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { Role, FunnelErrorCode } from '@dealgate/domain';
import { Roles } from '@dealgate/auth';
import { Page, PageOf, CommonErrorCode, Refuses } from '@dealgate/common';
import { CreateProductLineDto, ProductLineQuery, UpdateProductLineDto } from './product-line.dto';
import { ProductLineView } from './product-line.repository';
import { ProductLineService } from './product-line.service';

const READERS = [Role.Owner, Role.SalesHead, Role.Salesperson, Role.Admin, Role.Legal, Role.Accounting];

@ApiTags('product-lines')
@ApiBearerAuth()
@Controller('product-lines')
export class ProductLineController {
  constructor(private readonly service: ProductLineService) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Product lines with their expected cycle and per-stage time limits' })
  @ApiOkResponse({ type: PageOf(ProductLineView) })
  list(@Query() query: ProductLineQuery): Promise<Page<ProductLineView>> {
    return this.service.list(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One product line' })
  @Refuses(CommonErrorCode.NotFound)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ProductLineView> {
    return this.service.get(id);
  }

  @Post()
  @Roles(Role.Admin, Role.Owner)
  @ApiOperation({ summary: 'Add a product line (stage limits must fit the expected cycle)' })
  @Refuses(FunnelErrorCode.ProductLineInvalid, CommonErrorCode.Conflict)
  create(@Body() dto: CreateProductLineDto): Promise<ProductLineView> {
    return this.service.create(dto);
  }

  @Put(':id')
  @Roles(Role.Admin, Role.Owner)
  @ApiOperation({ summary: 'Change a product line (optimistic version; `active: false` retires it)' })
  @Refuses(
    CommonErrorCode.NotFound,
    FunnelErrorCode.ProductLineInvalid,
    CommonErrorCode.Conflict,
    CommonErrorCode.VersionConflict,
  )
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateProductLineDto): Promise<ProductLineView> {
    return this.service.update(id, dto);
  }
}
