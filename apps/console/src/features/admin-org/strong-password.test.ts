import { describe, expect, it } from 'vitest';
import { strongPassword } from './strong-password';

describe('a generated password', () => {
  it('is four groups of five characters without look-alikes, different each time', () => {
    const a = strongPassword();
    expect(a).toMatch(/^[A-HJ-NP-Za-km-z2-9]{5}(-[A-HJ-NP-Za-km-z2-9]{5}){3}$/);
    expect(strongPassword()).not.toBe(a);
  });

  it('skips bytes that would favour some characters', () => {
    let call = 0;
    // First call: only bytes above the last whole multiple of the alphabet; second: zeros.
    const password = strongPassword((bytes) => bytes.fill(call++ === 0 ? 255 : 0));
    expect(password).toBe('AAAAA-AAAAA-AAAAA-AAAAA');
  });
});
