/** The one error body shape of every service. */
export interface ErrorBody {
  statusCode: number;
  /** A stable machine-readable code, e.g. `validation_failed`, `offer.approver_is_author`. */
  code: string;
  /** A sentence a user understands. */
  message: string;
  /** For input errors: every offending field with its problems. */
  fields?: { field: string; problems: string[] }[];
  details?: Record<string, unknown>;
  correlationId?: string;
}
