import { ObjectCase } from './object-case';
import { DEAL_CASES } from './object-cases-deals';
import { FUNNEL_CASES } from './object-cases-funnel';
import { IDENTITY_CASES } from './object-cases-identity';
import { PROSPECT_CASES } from './object-cases-prospects';

export type { ObjectCase, ObjectCaseContext, ObjectStep } from './object-case';

// Foreign objects answer 404, never 403 and never their data (docs/developing.md). Add a case for each object-level
// endpoint of every service, in the file of its area.
export const OBJECT_CASES: ObjectCase[] = [...IDENTITY_CASES, ...FUNNEL_CASES, ...PROSPECT_CASES, ...DEAL_CASES];
