/** The error body every Dealgate service answers (see libs/common error-body.ts). */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: { field: string; problems?: string[] }[];
  /** Facts about a broken rule (e.g. a policy's problems in `details.errors`, a task template's `key`). */
  details?: Record<string, unknown>;
  correlationId?: string;
}

/** A failed API call: the status and the server's own sentence, with the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }

  /** The server's problems for one form field (`items[0].needIds` and `items.0.needIds` both match). */
  problemsFor(field: string): string | undefined {
    const normal = (name: string) => name.replace(/\[(\d+)\]/g, '.$1');
    const hit = this.body.fields?.find((f) => normal(f.field) === normal(field));
    return hit ? (hit.problems?.join('; ') ?? this.message) : undefined;
  }
}

export function toApiError(status: number, body: unknown): ApiError {
  const known = body as Partial<ApiErrorBody> | null;
  return new ApiError(status, {
    statusCode: status,
    code: known?.code ?? 'unknown',
    message: known?.message ?? `HTTP ${status}`,
    fields: known?.fields,
    details: known?.details,
    correlationId: known?.correlationId,
  });
}
