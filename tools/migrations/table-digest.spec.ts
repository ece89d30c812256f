import { SchemaRows, TableRows, rowDifferences, tableDigest } from './table-digest';

// The comparison the upgrade test prints: it must name the table, the rows and the columns a migration lost.
describe('table digest', () => {
  const offer = (rows: [string, (string | null)[]][], columns = ['id', 'status', 'total']): TableRows => ({
    key: ['id'],
    columns,
    rows: new Map(rows),
  });
  const before: SchemaRows = {
    offer: offer([
      ['["1"]', ['1', 'approved', '100']],
      ['["2"]', ['2', 'draft', null]],
    ]),
  };

  it('finds nothing when rows and columns are kept, a column added included', () => {
    const after = {
      offer: offer(
        [
          ['["1"]', ['1', 'approved', '100', 'HUF']],
          ['["2"]', ['2', 'draft', null, 'HUF']],
        ],
        ['id', 'status', 'total', 'currency'],
      ),
    };
    expect(rowDifferences(before, after, false)).toEqual([]);
    expect(tableDigest(after.offer, before.offer.columns)).toEqual(tableDigest(before.offer));
  });

  it('names a lost row, a changed value, a dropped column and a dropped table', () => {
    const lost = { offer: offer([['["1"]', ['1', 'approved', '100']]]) };
    expect(rowDifferences(before, lost, true)).toEqual([
      expect.stringMatching(/^offer: 2 rows \(md5 \w+\) before, 1 rows \(md5 \w+\) after; rows lost: \["2"\]$/),
    ]);
    const changed = {
      offer: offer([
        ['["1"]', ['1', 'approved', '10']],
        ['["2"]', ['2', 'draft', null]],
      ]),
    };
    expect(rowDifferences(before, changed, true)).toEqual([expect.stringMatching(/rows changed: \["1"\] \(total\)$/)]);
    const dropped = {
      offer: offer(
        [
          ['["1"]', ['1', 'approved']],
          ['["2"]', ['2', 'draft']],
        ],
        ['id', 'status'],
      ),
    };
    expect(rowDifferences(before, dropped, true)).toEqual([expect.stringMatching(/columns gone: total$/)]);
    expect(rowDifferences(before, {}, true)).toEqual(['offer: table gone, it had 2 rows']);
  });

  it('counts an added row only when nothing was to run', () => {
    const added = {
      offer: offer([...before.offer.rows, ['["3"]', ['3', 'draft', null]] as [string, (string | null)[]]]),
    };
    expect(rowDifferences(before, added, true)).toEqual([]);
    expect(rowDifferences(before, added, false)).toEqual([expect.stringMatching(/rows added: \["3"\]$/)]);
  });
});
