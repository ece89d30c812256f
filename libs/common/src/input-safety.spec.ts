import { MAX_INPUT_DEPTH, inputProblem, lineWithControlCharacter } from './input-safety';

// Hostile input must be named and refused before validation (a NUL is a 500 in PostgreSQL, deep JSON a blown stack).
describe('input safety', () => {
  const deep = (levels: number): unknown => {
    let value: unknown = 'x';
    for (let i = 0; i < levels; i++) value = { a: value };
    return value;
  };

  it.each([
    ['a NUL in a text field', { name: 'a\u0000b' }, 'name'],
    ['a control character deep inside', { items: [{ ok: 'fine' }, { note: 'bell\u0007' }] }, 'items[1].note'],
    ['a NUL in a key', { ['k\u0000']: 1 }, 'body'],
    ['DEL', { comment: 'x\u007f' }, 'comment'],
    ['a number past 2^53', { version: 1e20 }, 'version'],
    ['nesting 20,000 levels deep', deep(20_000), 'body'],
  ])('refuses %s, naming the field', (_label, body, field) => {
    expect(inputProblem(body, 'body')?.field).toBe(field);
  });

  it.each([
    ['line breaks and tabs in free text', { comment: 'one\r\ntwo\tthree' }],
    ['accents and emoji', { name: 'Árvíztűrő 🙂' }],
    ['the deepest nesting allowed', deep(MAX_INPUT_DEPTH - 1)],
    ['a large but exact number', { amount: 9_007_199_254_740_991 }],
  ])('accepts %s', (_label, body) => expect(inputProblem(body, 'body')).toBeNull());

  it('names the line of an uploaded text that holds a control character', () => {
    expect(lineWithControlCharacter('name\nAcme\nBad\u0000 Ltd\n')).toBe(3);
    expect(lineWithControlCharacter('name\r\nAcme\tLtd\r\n')).toBeNull();
  });
});
