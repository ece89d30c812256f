import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, sanitizeCorrelationId, withCorrelationId } from './correlation';

type WithId = Request & { id?: string };

/** Gives the request its correlation id (the caller's, when it is a sane one) and echoes it back. */
export function assignCorrelationId(req: Request, res: Response, next: NextFunction): void {
  const id = sanitizeCorrelationId(req.headers[CORRELATION_HEADER]) ?? randomUUID();
  (req as WithId).id = id;
  // Forwarded as is by the gateway's proxy, so every service logs the same id for one user action.
  req.headers[CORRELATION_HEADER] = id;
  res.setHeader(CORRELATION_HEADER, id);
  next();
}

/** Runs the rest of the request inside its correlation id, for logs and for jobs it emits. */
export function enterCorrelationContext(req: Request, _res: Response, next: NextFunction): void {
  withCorrelationId((req as WithId).id, () => next());
}
