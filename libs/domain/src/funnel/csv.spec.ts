import { parseCsv } from './csv';
import { FunnelErrorCode } from './funnel-error';

describe('parseCsv', () => {
  it.each([
    ['empty text', '', []],
    ['one row', 'a,b,c', [['a', 'b', 'c']]],
    [
      'LF with final newline',
      'a,b\nc,d\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['lone CR', 'a\rb', [['a'], ['b']]],
    ['empty fields', ',a,,', [['', 'a', '', '']]],
    ['blank line in the middle', 'a\n\nb', [['a'], [''], ['b']]],
    ['quoted comma', '"Acme, Inc",x', [['Acme, Inc', 'x']]],
    ['escaped quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    [
      'line break inside quotes',
      '"line 1\r\nline 2",x\r\ny,z',
      [
        ['line 1\r\nline 2', 'x'],
        ['y', 'z'],
      ],
    ],
    ['empty quoted field', '"",x', [['', 'x']]],
    ['quote inside an unquoted field is text', '5" pipe,x', [['5" pipe', 'x']]],
    ['byte-order mark', '\uFEFFname\nAcme', [['name'], ['Acme']]],
    ['spaces are kept', ' a , b ', [[' a ', ' b ']]],
  ])('%s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('takes another delimiter', () => {
    expect(parseCsv('a;"b;c"', ';')).toEqual([['a', 'b;c']]);
  });

  it.each([
    ['unterminated quote', 'a\n"never closed,x', 2],
    ['text after a closing quote', '"a"b,c', 1],
  ])('%s is malformed at row %i', (_name, text, row) => {
    expect(() => parseCsv(text)).toThrow(
      expect.objectContaining({ code: FunnelErrorCode.CsvMalformed, details: { row } }),
    );
  });
});
