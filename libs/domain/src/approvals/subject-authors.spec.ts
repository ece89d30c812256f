import { subjectAuthorIds } from './subject-authors';

describe('subjectAuthorIds', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['an offer drafted by someone else', { authorId: 'head-a' }, ['head-a']],
    ['an offer drafted by the requester', { authorId: 'sales-1' }, []],
    ['several authors, deduplicated', { authorId: 'a', authorIds: ['b', 'a', 'sales-1'] }, ['a', 'b']],
    ['a snapshot without authors (a sample)', { companies: [] }, []],
    ['odd values', { authorId: 42, authorIds: 'x' }, []],
  ])('%s', (_, snapshot, expected) => {
    expect(subjectAuthorIds(snapshot, 'sales-1')).toEqual(expected);
  });
});
