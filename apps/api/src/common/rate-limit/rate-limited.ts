import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, throwError, type Observable } from 'rxjs';
import { AppException } from '../errors/app-exception';

/** A 429 RATE_LIMITED refusal decided by a service (not the throttler) that knows how long to wait. */
export class RateLimitedException extends AppException {
  constructor(
    readonly retryAfterSeconds: number,
    message?: string,
  ) {
    super('RATE_LIMITED', message);
  }
}

/**
 * Puts a service's RateLimitedException wait where the error filter looks for the throttlers' waits
 * (`Retry-After-<name>` headers), so the answer carries `Retry-After` as the throttlers' 429s do.
 */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof RateLimitedException) {
          void context
            .switchToHttp()
            .getResponse<FastifyReply>()
            .header('retry-after-service', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
        }
        return throwError(() => error);
      }),
    );
  }
}
