/**
 * A broken business rule. `code` is a stable machine-readable string (an enum value of the area that throws it);
 * `message` is a sentence a user understands. Each app maps codes to HTTP statuses once, in a global filter.
 */
export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Ends a `switch` that must cover every member of a union: a new member becomes a compile error here. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
