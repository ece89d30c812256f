import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { Role, ContractErrorCode } from '@dealgate/domain';
import { ReplaceTemplatesDto, TemplateSetView } from './templates.dto';
import { TemplatesService } from './templates.service';
import { CommonErrorCode, Refuses } from '@dealgate/common';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('contracts/task-templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @Roles(Role.Admin, Role.Owner, Role.Legal, Role.Accounting)
  @ApiOperation({ summary: 'The task templates every new contract case starts from' })
  @ApiOkResponse({ type: TemplateSetView })
  current(): Promise<TemplateSetView> {
    return this.templates.current();
  }

  @Put()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Replace the task templates (admin); a dependency cycle is refused with 422 naming it' })
  @ApiOkResponse({ type: TemplateSetView })
  @Refuses(
    ContractErrorCode.TemplateInvalid,
    ContractErrorCode.TemplateDuplicateKey,
    ContractErrorCode.TemplateSelfDependency,
    ContractErrorCode.TemplateUnknownDependency,
    ContractErrorCode.TemplateCycle,
    ContractErrorCode.TemplateGroupNotAllowed,
    CommonErrorCode.VersionConflict,
  )
  replace(@CurrentUser() user: Principal, @Body() dto: ReplaceTemplatesDto): Promise<TemplateSetView> {
    return this.templates.replace(user, dto);
  }
}
