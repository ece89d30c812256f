import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Role } from '@dealgate/domain';
import type { Request } from 'express';
import { Principal } from './principal';

export const REQUIRED_ROLES = 'dealgate:roles';

/** The roles allowed on a route (any one of them). A guarded route without it is open to every signed-in user. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentUser used on a public route');
  return request.principal;
});
