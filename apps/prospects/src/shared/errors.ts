import { DomainError } from '@dealgate/domain';

/** 404: missing, or not the caller's to see (a foreign object never reveals that it exists). */
export function notFound(what: string, id: string): DomainError {
  return new DomainError('not_found', `No ${what} ${id}.`);
}

/** 409: someone changed the object since the caller read it. */
export function versionConflict(what: string, expected: number, actual?: number): DomainError {
  return new DomainError(
    'version_conflict',
    `The ${what} was changed by someone else (you had version ${expected}${actual === undefined ? '' : `, it is now ${actual}`}); reload and try again.`,
    { expected, actual },
  );
}

/** Throws a version conflict unless the stored version is the one the caller saw. */
export function assertVersion(what: string, stored: number, expected: number): void {
  if (stored !== expected) throw versionConflict(what, expected, stored);
}
