import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { Role, FunnelErrorCode } from '@dealgate/domain';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import {
  CONTROL_CHARACTER_PROBLEM,
  CommonErrorCode,
  Page,
  PageOf,
  Refuses,
  inputProblemError,
  lineWithControlCharacter,
} from '@dealgate/common';
import { AddCompaniesDto, CreateSampleDto, SampleQuery, UpdateSampleDto, VersionDto } from './sample.dto';
import { SampleDetailView, SampleView } from './sample.view';
import { CompanyUploadReport, SampleService } from './sample.service';
import { CHANGES_SAMPLE, WRITES_SAMPLE } from '../shared/refusals';

const BUILDERS = [Role.Owner, Role.SalesHead, Role.Salesperson];
const CSV_LIMIT_BYTES = 2 * 1024 * 1024;
/** What the multer interceptor refuses: a file over the limit, a malformed or unexpected multipart part. */
const CSV_UPLOAD = [CommonErrorCode.PayloadTooLarge, CommonErrorCode.BadRequest];

@ApiTags('samples')
@ApiBearerAuth()
@Roles(...BUILDERS)
@Controller('samples')
export class SampleController {
  constructor(private readonly service: SampleService) {}

  @Post()
  @ApiOperation({ summary: 'Start a target sample (draft) for a product line, with its segment rationale' })
  @Refuses(
    FunnelErrorCode.SampleRationaleRequired,
    FunnelErrorCode.UnitRequired,
    CommonErrorCode.NotFound,
    FunnelErrorCode.ProductLineInactive,
  )
  create(@CurrentUser() user: Principal, @Body() dto: CreateSampleDto): Promise<SampleView> {
    return this.service.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Target samples the caller may see, filtered by status, product line, unit' })
  @ApiOkResponse({ type: PageOf(SampleView) })
  list(@CurrentUser() user: Principal, @Query() query: SampleQuery): Promise<Page<SampleView>> {
    return this.service.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A sample with its companies' })
  @Refuses(CommonErrorCode.NotFound)
  get(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<SampleDetailView> {
    return this.service.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a draft sample (title, rationale)' })
  @Refuses(...CHANGES_SAMPLE, FunnelErrorCode.SampleRationaleRequired)
  update(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSampleDto,
  ): Promise<SampleView> {
    return this.service.update(user, id, dto);
  }

  @Post(':id/companies')
  @ApiOperation({
    summary: 'Add companies as JSON; answers a per-row report (accepted, or rejected with every reason)',
  })
  @Refuses(...WRITES_SAMPLE, FunnelErrorCode.NoCompanyAccepted)
  addCompanies(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddCompaniesDto,
  ): Promise<CompanyUploadReport> {
    return this.service.addCompanies(user, id, dto);
  }

  @Post(':id/companies/csv')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: CSV_LIMIT_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({ summary: 'Upload companies as CSV (header with name; tax_id, website optional); per-row report' })
  @Refuses(
    ...WRITES_SAMPLE,
    ...CSV_UPLOAD,
    FunnelErrorCode.CsvMalformed,
    FunnelErrorCode.CsvHeaderInvalid,
    FunnelErrorCode.NoCompanyAccepted,
  )
  addCompaniesCsv(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<CompanyUploadReport> {
    if (!file)
      throw new BadRequestException({
        code: 'validation_failed',
        message: 'Invalid input: file (a CSV file is required)',
        fields: [{ field: 'file', problems: ['a CSV file is required'] }],
      });
    const text = file.buffer.toString('utf8');
    const line = lineWithControlCharacter(text);
    if (line !== null) throw inputProblemError({ field: 'file', problem: `line ${line} ${CONTROL_CHARACTER_PROBLEM}` });
    return this.service.addCompaniesCsv(user, id, text);
  }

  @Delete(':id/companies/:companyId')
  @ApiOperation({ summary: 'Remove a company from a draft sample (?version=)' })
  @Refuses(...CHANGES_SAMPLE)
  removeCompany(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Query() query: VersionDto,
  ): Promise<SampleView> {
    return this.service.removeCompany(user, id, companyId, query.version);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: "Submit the sample for the owner's approval" })
  @Refuses(...CHANGES_SAMPLE, FunnelErrorCode.SampleRationaleRequired, FunnelErrorCode.SampleEmpty)
  submit(
    @CurrentUser() user: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VersionDto,
  ): Promise<SampleView> {
    return this.service.submit(user, id, dto.version);
  }
}
