import { ContactAttemptEntity } from './activity/contact-attempt.entity';
import { ContactEntity } from './activity/contact.entity';
import { MeetingHistoryEntity } from './activity/meeting-history.entity';
import { MeetingEntity } from './activity/meeting.entity';
import { BriefEntity } from './briefs/brief.entity';
import { LostReasonEntity } from './lost-reasons/lost-reason.entity';
import { DefenceEntity } from './offers/defence.entity';
import { OfferEntity } from './offers/offer.entity';
import { SalesPlanEntity } from './plans/sales-plan.entity';
import { ProductLineEntity } from './product-lines/product-line.entity';
import { ProspectEntity } from './prospects/prospect.entity';
import { StageTransitionEntity } from './prospects/stage-transition.entity';
import { SampleCompanyEntity } from './samples/sample-company.entity';
import { TargetSampleEntity } from './samples/sample.entity';

/**
 * The entities registered with the service's data source (prospects.module.ts). Mappings only: the migrations build
 * the tables, and tools/migrations/entities-match-schema.int-spec.ts checks this list against what they build.
 * The analytics tables have none: their reads and writes are set-based SQL (analytics/*.repository.ts).
 */
export const PROSPECTS_ENTITIES = [
  ProductLineEntity,
  LostReasonEntity,
  TargetSampleEntity,
  SampleCompanyEntity,
  ProspectEntity,
  StageTransitionEntity,
  ContactEntity,
  ContactAttemptEntity,
  MeetingEntity,
  MeetingHistoryEntity,
  BriefEntity,
  OfferEntity,
  DefenceEntity,
  SalesPlanEntity,
];
