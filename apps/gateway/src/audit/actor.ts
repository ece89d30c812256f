import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { Principal } from '@dealgate/auth';

/** Who did something, for the audit log: the signed-in user and the client address. */
export interface Actor {
  userId: string;
  ip: string | null;
}

export const clientIp = (request: Request): string | null => request.ip ?? request.socket.remoteAddress ?? null;

/** The caller as an audit actor (guarded routes only). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentActor used on a public route');
  return { userId: request.principal.userId, ip: clientIp(request) };
});
