/**
 * Who wrote the subject, as its snapshot says (`authorId`, or `authorIds`): authors other than the requester are
 * parties to the request too (DOMAIN.md stage 4: the approver is never the author). Unknown shapes name no one.
 */
export function subjectAuthorIds(snapshot: Readonly<Record<string, unknown>>, requesterId: string): string[] {
  const named = [snapshot.authorId, ...(Array.isArray(snapshot.authorIds) ? (snapshot.authorIds as unknown[]) : [])];
  const ids = named.filter((id): id is string => typeof id === 'string' && id.length > 0 && id !== requesterId);
  return [...new Set(ids)];
}
