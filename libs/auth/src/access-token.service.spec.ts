import { JwtService } from '@nestjs/jwt';
import { Role } from '@dealgate/domain';
import { AccessTokenService } from './access-token.service';
import { secretKey } from './auth.module';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './principal';

// Other services trust these checks for every request: each forgery below must be refused.
describe('AccessTokenService', () => {
  const secret = 'unit-secret-0123456789abcdef0123456789abcdef';
  const jwt = new JwtService({ secret });
  const tokens = new AccessTokenService(jwt);
  const principal = {
    userId: '00000000-0000-4000-8000-000000000007',
    roles: [Role.Legal],
    unitId: null,
    tokenVersion: 0,
  };
  const claims = { sub: principal.userId, roles: principal.roles, unit: null, tv: 0 };
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('round-trips a principal', () => {
    expect(tokens.verify(tokens.sign(principal))).toEqual(principal);
  });

  it('carries the token version and the session (claims tv and sid); no version given signs version 0', () => {
    const session = { ...principal, tokenVersion: 4, sessionId: '00000000-0000-4000-8000-00000000000f' };
    expect(tokens.verify(tokens.sign(session))).toEqual(session);
    const { tokenVersion: _none, ...unversioned } = principal;
    expect(tokens.verify(tokens.sign(unversioned))).toEqual(principal);
  });

  it('verifies with the pre-built key object exactly as with the secret text, both ways', () => {
    const keyed = new AccessTokenService(new JwtService({ secret: secretKey(secret) }));
    expect(keyed.verify(tokens.sign(principal))).toEqual(principal);
    expect(tokens.verify(keyed.sign(principal))).toEqual(principal);
    const other = new AccessTokenService(new JwtService({ secret: secretKey(`${secret}x`) }));
    expect(other.verify(tokens.sign(principal))).toBeNull();
  });

  it.each([
    ['another secret', () => new AccessTokenService(new JwtService({ secret: `${secret}x` })).sign(principal)],
    [
      'another algorithm (HS512)',
      () => jwt.sign(claims, { algorithm: 'HS512', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE }),
    ],
    [
      'alg none',
      () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE })}.`,
    ],
    ['a foreign issuer', () => jwt.sign(claims, { algorithm: 'HS256', issuer: 'someone', audience: TOKEN_AUDIENCE })],
    ['a foreign audience', () => jwt.sign(claims, { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: 'other-api' })],
    ['an expiry in the past', () => tokens.sign(principal, -10)],
    [
      'no subject',
      () => jwt.sign({ roles: [] }, { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE }),
    ],
    // Issue #16: jsonwebtoken checks `exp` only when present; a token without one would never expire.
    ['no expiry', () => jwt.sign(claims, { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE })],
    // Issue #16: a token without a version could not be revoked before it expires.
    [
      'no token version',
      () =>
        jwt.sign(
          { sub: principal.userId, roles: principal.roles, unit: null },
          { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: 60 },
        ),
    ],
    [
      'a negative token version',
      () =>
        jwt.sign(
          { ...claims, tv: -1 },
          { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: 60 },
        ),
    ],
    ['garbage', () => 'not.a.token'],
  ])('refuses a token with %s', (_name, make) => expect(tokens.verify(make())).toBeNull());

  it('drops roles it does not know', () => {
    const token = jwt.sign(
      { ...claims, roles: ['legal', 'superuser'] },
      { algorithm: 'HS256', issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: 60 },
    );
    expect(tokens.verify(token)?.roles).toEqual([Role.Legal]);
  });
});
