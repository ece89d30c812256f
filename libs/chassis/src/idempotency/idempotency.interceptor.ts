import {
  BadRequestException,
  CallHandler,
  ConflictException,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { Observable, catchError, from, mergeMap, of, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Principal } from '@dealgate/auth';
import { CommonErrorCode } from '@dealgate/common';
import { IdempotencyCommitMark, RunningClaim, runUnderClaim } from './idempotency-commit';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_RULE = /^[\x21-\x7e]{1,200}$/;

/** A create endpoint: a POST that answers 201 (Nest's default for POST, unless `@HttpCode` says otherwise). */
export function isCreate(method: string, httpCode: number | undefined): boolean {
  const created: number = HttpStatus.CREATED;
  return method === 'POST' && (httpCode ?? created) === created;
}

/** What makes two requests "the same": method, path and body (key order ignored). */
export function fingerprintOf(method: string, path: string, body: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  return createHash('sha256')
    .update(`${method} ${path} ${JSON.stringify(canonical(body ?? null))}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` on every create endpoint, Stripe-style: the same caller sending the same key and body within
 * 24 h gets the first response again (status and body, with `Idempotent-Replayed: true`) and nothing is created twice;
 * the same key with another body is refused with 422 `idempotency_key_reused`; a request still running under the key
 * answers 409 `idempotency_in_progress`. A request that fails before committing frees its key, so a retry runs
 * again; one whose effect committed keeps it (its transactions stamp the key, `IdempotencyCommitMark`), and when its
 * answer could not be kept (the process died, the database dropped) a retry answers 409 `idempotency_answer_lost`
 * instead of creating a second row. Without the header nothing changes.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly store: IdempotencyStore;

  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.store = new IdempotencyStore(dataSource);
    dataSource.subscribers.push(new IdempotencyCommitMark());
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    const httpCode = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    if (key === undefined || !isCreate(request.method, httpCode) || !request.principal) return next.handle();
    if (typeof key !== 'string' || !KEY_RULE.test(key)) {
      const problem = 'must be 1 to 200 visible ASCII characters';
      throw new BadRequestException({
        code: CommonErrorCode.ValidationFailed,
        message: `Invalid input: Idempotency-Key (${problem})`,
        fields: [{ field: 'Idempotency-Key', problems: [problem] }],
      });
    }
    const principal = request.principal.userId;
    const fingerprint = fingerprintOf(request.method, request.path, request.body);
    const response = context.switchToHttp().getResponse<Response>();
    return from(this.store.claim(principal, key, fingerprint)).pipe(
      mergeMap((claim) => {
        switch (claim.kind) {
          case 'replay':
            response.status(claim.status).setHeader('Idempotent-Replayed', 'true');
            return of(claim.body);
          case 'other-body':
            return throwError(
              () =>
                new UnprocessableEntityException({
                  code: CommonErrorCode.IdempotencyKeyReused,
                  message: 'This Idempotency-Key was used for another request; use a new key for a new request.',
                }),
            );
          case 'in-progress':
            return throwError(
              () =>
                new ConflictException({
                  code: CommonErrorCode.IdempotencyInProgress,
                  message: 'A request with this Idempotency-Key is still running; retry in a moment.',
                }),
            );
          case 'answer-lost':
            return throwError(
              () =>
                new ConflictException({
                  code: CommonErrorCode.IdempotencyAnswerLost,
                  message:
                    'The request with this Idempotency-Key was applied, but its answer was lost: read the created ' +
                    'resource instead of retrying.',
                }),
            );
          case 'claimed':
            return this.handleClaimed(next, { principal, key, committed: false }, response);
        }
      }),
    );
  }

  /**
   * Runs the create under its key and keeps its answer. A failure frees the key only when nothing committed; a
   * failure to keep the answer after the commit leaves the key stamped, so a retry cannot create a second row.
   */
  private handleClaimed(next: CallHandler, claim: RunningClaim, response: Response): Observable<unknown> {
    const handled = new Observable<unknown>((subscriber) =>
      runUnderClaim(claim, () => next.handle().subscribe(subscriber)),
    );
    return handled.pipe(
      catchError((error: unknown) =>
        (claim.committed ? of(undefined) : from(this.store.release(claim.principal, claim.key))).pipe(
          mergeMap(() => throwError(() => error)),
        ),
      ),
      mergeMap((body) =>
        from(this.store.complete(claim.principal, claim.key, response.statusCode, body)).pipe(mergeMap(() => of(body))),
      ),
    );
  }
}
