import { changeRevokesTokens } from '@dealgate/domain';
import { UserChanges, UserRecord } from './users.repository';

/** The changes, plus a bumped token version when they make the user's tokens claim something no longer true. */
export function withTokenRevocation(before: UserRecord, changes: UserChanges): UserChanges {
  const after = {
    roles: changes.roles ?? before.roles,
    unitId: changes.unitId !== undefined ? changes.unitId : before.unitId,
    active: changes.active ?? before.active,
  };
  return changeRevokesTokens(before, after) ? { ...changes, tokenVersion: before.tokenVersion + 1 } : changes;
}
