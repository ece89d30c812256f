import { SetMetadata } from '@nestjs/common';

export const REFUSES = 'dealgate:refuses';

/**
 * The error codes a handler can answer besides the ones its route implies (input validation, authentication, roles,
 * body limits, rate limits, `version_conflict` for a body with `version`: the OpenAPI document derives those). On
 * a controller class, the codes of every one of its handlers. The status of each comes from the app's own
 * code -> status map; the document lists the codes per status, and the end-to-end tests fail on any code an
 * operation answers without declaring it (see docs/developing.md, "The API contract").
 */
export const Refuses = (...codes: string[]) => SetMetadata(REFUSES, codes);
