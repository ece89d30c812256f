import { Role } from '../roles';
import {
  canHeadUnit,
  decideRefresh,
  effectiveKeyRoles,
  formatApiKey,
  leadsOutsideGroups,
  normalizeEmail,
  parseApiKey,
  passwordProblems,
  removesLastAdmin,
  roleChanges,
  rolesBeyondOwner,
} from './index';

describe('password policy', () => {
  it.each([
    ['correct horse battery', {}, []],
    ['short', {}, ['must be at least 12 characters long']],
    ['a'.repeat(129), {}, ['must be at most 128 characters long', 'must use at least 4 different characters']],
    ['aaaaaaaaaaaaaaaa', {}, ['must use at least 4 different characters']],
    ['Password1234', {}, ['is one of the most common passwords']],
    ['my-mariaz-secret-1', { email: 'Mariaz@example.com' }, ['must not contain your e-mail address']],
    ['hello Boris Petrov!', { name: 'Boris Petrov' }, ['must not contain your name']],
    // Issue #16: accepted before; zxcvbn puts it at about 10^4 guesses.
    ['qwertyuiop12', { guessesLog10: 4.2 }, ['is too easy to guess (a common password, word or keyboard pattern)']],
    ['Meadow-Compass-7305', { guessesLog10: 15.7 }, []],
  ])('%p -> %p', (password, context, expected) => expect(passwordProblems(password, context)).toEqual(expected));
});

describe('refresh token rotation', () => {
  const now = new Date('2026-01-10T10:00:00Z');
  const fresh = { expiresAt: new Date('2026-01-20T00:00:00Z'), rotatedAt: null, revokedAt: null, userActive: true };
  it.each([
    ['a fresh token rotates', fresh, { kind: 'rotate' }],
    ['an unknown token is refused', null, { kind: 'refuse', reason: 'unknown' }],
    ['an expired token is refused', { ...fresh, expiresAt: now }, { kind: 'refuse', reason: 'expired' }],
    ['a revoked token is refused', { ...fresh, revokedAt: now }, { kind: 'refuse', reason: 'revoked' }],
    ['a rotated token is a replay', { ...fresh, rotatedAt: now }, { kind: 'reuse_detected' }],
    // Reuse wins over expiry: an old stolen token replayed late still burns the family.
    [
      'a rotated, expired token is still a replay',
      { ...fresh, rotatedAt: now, expiresAt: now },
      { kind: 'reuse_detected' },
    ],
    ['a deactivated user cannot refresh', { ...fresh, userActive: false }, { kind: 'refuse', reason: 'user_inactive' }],
  ])('%s', (_name, state, expected) => expect(decideRefresh(state, now)).toEqual(expected));
});

describe('API keys', () => {
  const id = '0123456789abcdef';
  const secret = 'A'.repeat(43);
  it('round-trips the format and refuses anything else', () => {
    expect(parseApiKey(formatApiKey(id, secret))).toEqual({ keyId: id, secret });
    for (const bad of [
      undefined,
      42,
      '',
      'dg_x_y',
      `dg_${id}_${secret}x`,
      `xx_${id}_${secret}`,
      `dg_${id.toUpperCase()}_${secret}`,
      "dg_' OR 1=1 --",
    ]) {
      expect(parseApiKey(bad)).toBeNull();
    }
  });
  it('never scopes a key beyond its owner', () => {
    expect(rolesBeyondOwner([Role.Salesperson, Role.Admin], [Role.Salesperson])).toEqual([Role.Admin]);
    expect(rolesBeyondOwner([Role.Salesperson], [Role.Salesperson, Role.Owner])).toEqual([]);
  });
  it('narrows a key to the roles its owner still holds', () => {
    expect(effectiveKeyRoles([Role.Legal, Role.Accounting], [Role.Accounting])).toEqual([Role.Accounting]);
    expect(effectiveKeyRoles([Role.Legal], [])).toEqual([]);
  });
});

describe('directory rules', () => {
  it('finds leads outside groups', () => {
    expect(leadsOutsideGroups(['legal'], ['legal', 'accounting'])).toEqual(['accounting']);
    expect(leadsOutsideGroups(['legal', 'delivery'], ['delivery'])).toEqual([]);
  });
  it.each([
    [[Role.SalesHead], true, 'ok'],
    [[Role.Owner], true, 'ok'],
    [[Role.Salesperson, Role.Admin], true, 'missing_role'],
    [[Role.SalesHead], false, 'inactive'],
  ] as const)('unit head %p active=%p -> %s', (roles, active, expected) =>
    expect(canHeadUnit({ roles, active })).toBe(expected),
  );
  it.each([
    [true, false, 1, true],
    [true, false, 2, false],
    [true, true, 1, false],
    [false, false, 1, false],
  ])('removesLastAdmin(%p, %p, %p) = %p', (now, stays, count, expected) =>
    expect(removesLastAdmin(now, stays, count)).toBe(expected),
  );
  it('lists role changes and normalizes e-mail', () => {
    expect(roleChanges([Role.Salesperson, Role.Legal], [Role.Legal, Role.Owner])).toEqual({
      added: [Role.Owner],
      removed: [Role.Salesperson],
    });
    expect(normalizeEmail('  Ann@Example.COM ')).toBe('ann@example.com');
  });
});
