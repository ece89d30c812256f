import { LostReasonEntity } from './lost-reasons/lost-reason.entity';
import { ProductLineEntity } from './product-lines/product-line.entity';
import { SampleCompanyEntity } from './samples/sample-company.entity';
import { TargetSampleEntity } from './samples/sample.entity';

/**
 * The entities registered with the service's data source (prospects.module.ts). Mappings only: the migrations build
 * the tables, and tools/migrations/entities-match-schema.int-spec.ts checks this list against what they build.
 */
export const PROSPECTS_ENTITIES = [ProductLineEntity, LostReasonEntity, TargetSampleEntity, SampleCompanyEntity];
