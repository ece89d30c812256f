import { decodeCursor, encodeCursor } from './keyset-cursor';

const ID = '4f1c2b1e-8c3a-4d2e-9f00-1234567890ab';

describe('keyset cursor', () => {
  it('round-trips a position to the microsecond', () => {
    const cursor = { at: '2026-03-04T05:06:07.123456Z', id: ID };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['not base64url', 'a b'],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['an object', encode({ at: '2026-03-04T05:06:07.123456Z', id: ID })],
    ['three parts', encode(['2026-03-04T05:06:07.123456Z', ID, 'x'])],
    ['milliseconds only', encode(['2026-03-04T05:06:07.123Z', ID])],
    ['a day that does not exist', encode(['2026-02-31T05:06:07.123456Z', ID])],
    ['hour 24', encode(['2026-03-04T24:06:07.123456Z', ID])],
    ['an id that is no uuid', encode(['2026-03-04T05:06:07.123456Z', 'x'])],
    ['too long', 'A'.repeat(201)],
  ])('refuses %s', (_, text) => {
    expect(decodeCursor(text)).toBeNull();
  });
});
