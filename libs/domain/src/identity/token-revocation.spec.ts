import { Role } from '../roles';
import { changeRevokesTokens, revokedSessionWindowSeconds, tokenRefusal } from './token-revocation';

describe('tokenRefusal', () => {
  const known = { active: true, tokenVersion: 3, sessionRevoked: false };

  it.each([
    ['an unknown user (copy not fed yet)', { tokenVersion: 0 }, null, null],
    ['the current version', { tokenVersion: 3, sessionId: 'a' }, known, null],
    ['a newer version (the copy lags behind a login)', { tokenVersion: 4 }, known, null],
    ['an older version', { tokenVersion: 2 }, known, 'revoked'],
    ['an ended session', { tokenVersion: 3, sessionId: 'a' }, { ...known, sessionRevoked: true }, 'revoked'],
    ['a deactivated user', { tokenVersion: 3 }, { ...known, active: false }, 'deactivated'],
    ['a deactivated user with an old version', { tokenVersion: 1 }, { ...known, active: false }, 'deactivated'],
  ] as const)('%s', (_name, token, state, expected) => {
    expect(tokenRefusal(token, state)).toBe(expected);
  });
});

describe('changeRevokesTokens', () => {
  const before = { roles: [Role.Salesperson, Role.Legal], unitId: 'u1', active: true };

  it.each([
    ['nothing the token claims', before, false],
    ['the same roles in another order', { ...before, roles: [Role.Legal, Role.Salesperson] }, false],
    ['a role removed', { ...before, roles: [Role.Legal] }, true],
    ['a role swapped', { ...before, roles: [Role.Legal, Role.Owner] }, true],
    ['another unit', { ...before, unitId: 'u2' }, true],
    ['no unit', { ...before, unitId: null }, true],
    ['deactivation', { ...before, active: false }, true],
  ] as const)('%s', (_name, after, expected) => {
    expect(changeRevokesTokens(before, after)).toBe(expected);
  });
});

it('keeps an ended session listed as long as its longest token lives, plus a minute', () => {
  expect(revokedSessionWindowSeconds(600, 60)).toBe(660);
  expect(revokedSessionWindowSeconds(30, 60)).toBe(120);
});
