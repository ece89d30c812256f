/**
 * The entities registered with the service's data source (gateway.module.ts): none yet, its repositories use raw SQL.
 * Entities added here are checked against the migrated schema by tools/migrations/entities-match-schema.int-spec.ts;
 * apps/approvals is the template (docs/developing.md, Data layer).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const GATEWAY_ENTITIES: Function[] = [];
