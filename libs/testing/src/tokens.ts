import { JwtService } from '@nestjs/jwt';
import { Role } from '@dealgate/domain';
import { AccessTokenService, Principal } from '@dealgate/auth';
import { TEST_JWT_SECRET } from './test-env';

/** An hour, not the real 15 minutes: a suite that takes a token in `beforeAll` may run long on a loaded machine. */
const TEST_TOKEN_SECONDS = 3600;

/** A signed access token for a made-up user with the given roles (token version 0 and no session unless given). */
export function tokenFor(principal: Partial<Principal> & { roles: Role[] }, secret = TEST_JWT_SECRET): string {
  const service = new AccessTokenService(new JwtService({ secret }));
  return service.sign(
    {
      userId: principal.userId ?? '00000000-0000-4000-8000-000000000001',
      unitId: principal.unitId ?? null,
      roles: principal.roles,
      tokenVersion: principal.tokenVersion,
      sessionId: principal.sessionId,
    },
    TEST_TOKEN_SECONDS,
  );
}
