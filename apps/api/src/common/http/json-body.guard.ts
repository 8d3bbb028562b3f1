import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../errors/app-exception';
import { bodyMediaType } from './hardening';

const JSON_ONLY: readonly string[] = ['application/json'];
/** Where `@ApiConsumes` keeps its media types (@nestjs/swagger's DECORATORS.API_CONSUMES, not exported). */
const API_CONSUMES = 'swagger/apiConsumes';

/**
 * A body in a type the route does not take is refused with 415, before the validation pipe. Otherwise a
 * multipart or form body reaches a JSON route as `{}` and, say, "mark these notifications read" reads as
 * "mark all". A route takes JSON unless it declares other types with `@ApiConsumes` (the document and the
 * behaviour then agree). Requests without a body pass: wx.request labels bodiless requests JSON anyway.
 * A guard rather than an interceptor: it runs on every request of a rush, and an interceptor wraps each
 * handler's answer in an observable pipeline that cost a claim rush measurable CPU (tests/bench/claims).
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  /** Each handler's accepted types, read from its metadata once. */
  private readonly accepted = new WeakMap<object, readonly string[]>();

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const length = request.headers['content-length'];
    const hasBody =
      (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
    if (!hasBody) return true;
    if (!this.acceptedBy(context).includes(bodyMediaType(request)))
      throw new AppException('UNSUPPORTED_MEDIA_TYPE');
    return true;
  }

  private acceptedBy(context: ExecutionContext): readonly string[] {
    const handler = context.getHandler();
    let types = this.accepted.get(handler);
    if (!types) {
      types =
        this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, [handler, context.getClass()]) ??
        JSON_ONLY;
      this.accepted.set(handler, types);
    }
    return types;
  }
}
