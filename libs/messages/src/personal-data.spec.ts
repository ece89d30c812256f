import { openPersonalData, sealPersonalData } from './personal-data';

describe('sealed personal data', () => {
  const key = 'k'.repeat(40);

  it('round-trips and never shows the clear text', () => {
    const sealed = sealPersonalData({ email: 'ann@example.com', name: 'Ann' }, key);
    expect(sealed).not.toContain('ann@example.com');
    expect(sealed).not.toContain('Ann');
    expect(openPersonalData(sealed, key)).toEqual({ email: 'ann@example.com', name: 'Ann' });
  });

  it('uses a fresh nonce each time', () => {
    expect(sealPersonalData({ a: 1 }, key)).not.toBe(sealPersonalData({ a: 1 }, key));
  });

  it('refuses a wrong key and a tampered value', () => {
    const sealed = sealPersonalData({ email: 'x@y.z' }, key);
    expect(() => openPersonalData(sealed, 'other'.repeat(10))).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => openPersonalData(parts.join('.'), key)).toThrow();
    expect(() => openPersonalData('garbage', key)).toThrow('Not a sealed value');
  });
});
