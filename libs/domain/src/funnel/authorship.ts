/** A subject people wrote: its author, and everyone who edited it since (the author is usually listed there too). */
export interface Written {
  readonly authorId: string;
  readonly contributorIds?: readonly string[];
}

/**
 * The four-eyes rule of every approval in the funnel: nobody who wrote a subject approves it, neither in their own
 * name nor on behalf of someone they stand in for. True when any of `people` wrote it.
 */
export function wroteIt(subject: Written, ...people: readonly (string | null | undefined)[]): boolean {
  const writers = new Set([subject.authorId, ...(subject.contributorIds ?? [])]);
  return people.some((id) => typeof id === 'string' && writers.has(id));
}
