import { Role } from '../roles';

/** A person as far as owning prospects goes (the directory copy of a user). */
export interface ProspectOwnerCandidate {
  readonly roles: readonly Role[];
  readonly unitId: string | null;
  readonly active: boolean;
}

/** Who may be a prospect's salesperson: an active salesperson of the prospect's unit. */
export function mayOwnProspectOf(person: ProspectOwnerCandidate | null, unitId: string): boolean {
  return person !== null && person.active && person.roles.includes(Role.Salesperson) && person.unitId === unitId;
}

/**
 * The salesperson the prospects of an approved sample start with: its author when the author may own them (the
 * salesperson who found the companies works them), otherwise none until a head assigns them.
 */
export function initialOwnerOf(
  sample: { readonly authorId: string; readonly unitId: string },
  author: ProspectOwnerCandidate | null,
): string | null {
  return mayOwnProspectOf(author, sample.unitId) ? sample.authorId : null;
}
