import { AnalyticsCsvColumn, analyticsToCsv, escapeCsvField, neutraliseCsvFormula } from './csv';

interface Line {
  name: string;
  variance: number;
  rate: number | null;
  at?: Date;
}

const columns: AnalyticsCsvColumn<Line>[] = [
  { header: 'Name', value: (l) => l.name },
  { header: 'Variance', value: (l) => l.variance },
  { header: 'Rate', value: (l) => l.rate },
  { header: 'At', value: (l) => l.at },
];

describe('analyticsToCsv', () => {
  it('writes a header and CRLF-terminated records', () => {
    const csv = analyticsToCsv(columns, [
      { name: 'Ann', variance: -3, rate: 0.5, at: new Date('2026-06-01T00:00:00Z') },
      { name: 'Bob', variance: 0, rate: null },
    ]);
    expect(csv).toBe('Name,Variance,Rate,At\r\nAnn,-3,0.5,2026-06-01T00:00:00.000Z\r\nBob,0,,\r\n');
  });

  it('is only the header for no rows', () => {
    expect(analyticsToCsv(columns, [])).toBe('Name,Variance,Rate,At\r\n');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    const csv = analyticsToCsv(
      [{ header: 'Reason', value: (r: { reason: string }) => r.reason }],
      [{ reason: 'price, "too high"' }, { reason: 'line\nbreak' }, { reason: 'cr\rhere' }],
    );
    expect(csv).toBe('Reason\r\n"price, ""too high"""\r\n"line\nbreak"\r\n"cr\rhere"\r\n');
  });

  it('neutralises formula injection in text cells and headers but keeps negative numbers', () => {
    const csv = analyticsToCsv(
      [
        { header: '=HEADER()', value: (r: { text: string; n: number }) => r.text },
        { header: 'n', value: (r: { text: string; n: number }) => r.n },
      ],
      [
        { text: '=HYPERLINK("http://x")', n: -1 },
        { text: '+1', n: 2 },
        { text: '-1', n: 3 },
        { text: '@SUM(A1)', n: 4 },
        { text: '\tcmd', n: 5 },
        { text: '\rcmd', n: 6 },
      ],
    );
    expect(csv.split('\r\n')).toEqual([
      "'=HEADER(),n",
      `"'=HYPERLINK(""http://x"")",-1`,
      "'+1,2",
      "'-1,3",
      "'@SUM(A1),4",
      "'\tcmd,5",
      `"'\rcmd",6`,
      '',
    ]);
  });

  it('writes booleans and drops non-finite numbers and invalid dates', () => {
    const csv = analyticsToCsv(
      [{ header: 'v', value: (r: { v: boolean | number | Date }) => r.v }],
      [{ v: true }, { v: Number.NaN }, { v: new Date('x') }],
    );
    expect(csv).toBe('v\r\ntrue\r\n\r\n\r\n');
  });
});

describe('CSV field helpers', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
  ])('escapeCsvField(%j) = %j', (input, output) => {
    expect(escapeCsvField(input)).toBe(output);
  });

  it.each([
    ['=1', "'=1"],
    ['a=1', 'a=1'],
    ['', ''],
  ])('neutraliseCsvFormula(%j) = %j', (input, output) => {
    expect(neutraliseCsvFormula(input)).toBe(output);
  });
});
