import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Optional,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role, TokenRefusal } from '@dealgate/domain';
import { CommonErrorCode, IS_PUBLIC } from '@dealgate/common';
import type { Request } from 'express';
import { AccessTokenService } from './access-token.service';
import { PRINCIPAL_REVOCATION, Principal, PrincipalRevocation } from './principal';
import { REQUIRED_ROLES } from './roles.decorator';

/** The answer to a token refused by libs/domain `tokenRefusal` (the gateway answers the same). */
export const TOKEN_REFUSALS: Record<TokenRefusal, { code: string; message: string }> = {
  deactivated: { code: CommonErrorCode.Unauthenticated, message: 'This account is deactivated.' },
  revoked: {
    code: CommonErrorCode.TokenRevoked,
    message: 'This access token was revoked (logout, password or role change): refresh it or log in again.',
  },
};

/** Global guard: every route needs a valid bearer token unless marked @Public(); @Roles narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    @Optional() @Inject(PRINCIPAL_REVOCATION) private readonly revocation?: PrincipalRevocation,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
    const principal = token ? this.tokens.verify(token) : null;
    if (!principal)
      throw new UnauthorizedException({ code: 'unauthenticated', message: 'A valid access token is required.' });
    // Reached directly (not only through the gateway), a revoked token must not work either.
    const refusal = this.revocation ? await this.revocation.refusal(principal) : null;
    if (refusal) throw new UnauthorizedException(TOKEN_REFUSALS[refusal]);
    request.principal = principal;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((role) => principal.roles.includes(role))) {
      throw new ForbiddenException({
        code: 'forbidden',
        message: `This needs one of the roles: ${required.join(', ')}.`,
      });
    }
    return true;
  }
}
