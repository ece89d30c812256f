import { HttpStatus } from '@nestjs/common';
import { AnalyticsErrorCode } from '@dealgate/domain';
import { StatusForCode } from '@dealgate/common';

// Every analytics code is a broken input rule (a period that ends before it starts, a plan for a non-salesperson):
// 422 with the sentence, never a 500 and never a blanket 400.
const ANALYTICS_STATUS: Record<AnalyticsErrorCode, number> = {
  [AnalyticsErrorCode.InvalidInput]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AnalyticsErrorCode.InvalidPeriod]: HttpStatus.UNPROCESSABLE_ENTITY,
  [AnalyticsErrorCode.PlanAssigneeInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
};

export const analyticsStatusForCode: StatusForCode = (code) => ANALYTICS_STATUS[code as AnalyticsErrorCode];
