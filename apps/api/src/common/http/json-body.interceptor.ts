import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { AppException } from '../errors/app-exception';

const JSON_ONLY = ['application/json'];
/** Where `@ApiConsumes` keeps its media types (@nestjs/swagger's API_CONSUMES, not exported). */
const API_CONSUMES = 'swagger/apiConsumes';

/**
 * A body in a type the route does not take is refused with 415, before the validation pipe. Otherwise a
 * multipart or form body reaches a JSON route as `{}` and, say, "mark these notifications read" reads as
 * "mark all". A route takes JSON unless it declares other types with `@ApiConsumes` (the document and the
 * behaviour then agree). Requests without a body pass: wx.request labels bodiless requests JSON anyway.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const length = request.headers['content-length'];
    const hasBody = (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
    if (hasBody) {
      const type = (request.headers['content-type'] ?? '').split(';', 1)[0].trim().toLowerCase();
      const accepted =
        this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, [
          context.getHandler(),
          context.getClass(),
        ]) ?? JSON_ONLY;
      if (!accepted.includes(type)) throw new AppException('UNSUPPORTED_MEDIA_TYPE');
    }
    return next.handle();
  }
}
