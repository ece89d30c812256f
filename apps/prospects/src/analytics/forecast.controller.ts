import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { CommonErrorCode, Refuses } from '@dealgate/common';
import { Role } from '@dealgate/domain';
import { ForecastAccuracyQuery, ForecastQuery } from './forecast.dto';
import { ForecastService } from './forecast.service';
import { ForecastAccuracyView, ForecastReportView } from './forecast.view';

const VIEWERS = [Role.Owner, Role.SalesHead, Role.Salesperson];

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics/forecast')
export class ForecastController {
  constructor(private readonly forecasts: ForecastService) {}

  @Get()
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: 'Signed contracts forecast (P10/P50/P90, mean) per month, next three months and next quarter',
    description:
      "From the stage-transition log before asOf; each open deal in the scope with its chance to sign, expected month and reason (most likely first, a page of them). The rates come from the whole company's history.",
  })
  @ApiOkResponse({ type: ForecastReportView })
  @Refuses(CommonErrorCode.NotFound)
  forecast(@CurrentUser() user: Principal, @Query() q: ForecastQuery) {
    return this.forecasts.forecast(user, q);
  }

  @Get('accuracy')
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: "The forecast's measured accuracy on this company's history (backtest over recent monthly origins)",
    description:
      'WAPE of the P50 and P10-P90 coverage per horizon, beside the fixed stage weights and the run rate. A history too short for any origin answers origins 0 with a reason.',
  })
  @ApiOkResponse({ type: ForecastAccuracyView })
  @Refuses(CommonErrorCode.NotFound)
  accuracy(@CurrentUser() user: Principal, @Query() q: ForecastAccuracyQuery) {
    return this.forecasts.accuracy(user, q);
  }
}
