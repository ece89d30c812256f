import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { CommonErrorCode, Refuses } from '@dealgate/common';
import { Role } from '@dealgate/domain';
import { ForecastBacktestQuery, ForecastQuery } from './forecast.dto';
import { ForecastService } from './forecast.service';
import { ForecastBacktestView, ForecastReportView } from './forecast.view';

const VIEWERS = [Role.Owner, Role.SalesHead, Role.Salesperson];

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics/forecast')
export class ForecastController {
  constructor(private readonly forecasts: ForecastService) {}

  @Get()
  @Roles(...VIEWERS)
  @ApiOperation({
    summary:
      'Signed contracts and arrivals at each stage forecast (P10/P50/P90, mean) per month, next three months and next quarter',
    description:
      "From the stage-transition log before asOf; each period's arrivals at each stage beside the plans entered for it; each open deal in the scope with its chance to sign, expected month and reason (most likely first, a page of them). The rates come from the whole company's history.",
  })
  @ApiOkResponse({ type: ForecastReportView })
  @Refuses(CommonErrorCode.NotFound)
  forecast(@CurrentUser() user: Principal, @Query() q: ForecastQuery) {
    return this.forecasts.forecast(user, q);
  }

  @Get('backtest')
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: "The forecast's measured accuracy on this company's history (backtest over recent monthly origins)",
    description:
      'The forecast as it would have been made at each origin from the log before it, against the signatures after it: WAPE and MAPE of the P50 and P10-P90 coverage per horizon, beside the fixed stage weights, the run rate and the plans entered, and the Brier scores. A history too short for any origin answers origins 0 with a reason.',
  })
  @ApiOkResponse({ type: ForecastBacktestView })
  @Refuses(CommonErrorCode.NotFound)
  backtest(@CurrentUser() user: Principal, @Query() q: ForecastBacktestQuery) {
    return this.forecasts.backtest(user, q);
  }
}
