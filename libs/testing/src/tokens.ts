import { JwtService } from '@nestjs/jwt';
import { Role } from '@dealgate/domain';
import { AccessTokenService, Principal } from '@dealgate/auth';
import { TEST_JWT_SECRET } from './test-env';

/** A signed access token for a made-up user with the given roles. */
export function tokenFor(principal: Partial<Principal> & { roles: Role[] }, secret = TEST_JWT_SECRET): string {
  const service = new AccessTokenService(new JwtService({ secret }));
  return service.sign({
    userId: principal.userId ?? '00000000-0000-4000-8000-000000000001',
    unitId: principal.unitId ?? null,
    roles: principal.roles,
  });
}
