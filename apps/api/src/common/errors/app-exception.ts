import { HttpException, HttpStatus } from '@nestjs/common';
import { ERROR_MESSAGES, type ErrorCode, type ErrorEnvelope } from '@jingcai/shared';

/** The one exception type features throw: a stable code, an HTTP status and a Chinese message. */
export class AppException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    status: HttpStatus,
    message: string = ERROR_MESSAGES[code],
    readonly details?: ErrorEnvelope['details'],
  ) {
    super({ code, message, details } satisfies Omit<ErrorEnvelope, 'requestId'>, status);
  }

  static notFound(message?: string): AppException {
    return new AppException('NOT_FOUND', HttpStatus.NOT_FOUND, message);
  }

  static forbidden(message?: string): AppException {
    return new AppException('FORBIDDEN', HttpStatus.FORBIDDEN, message);
  }

  /** A 400 naming the one field at fault, for rules a DTO cannot express (the org exists, dates in order). */
  static invalid(field: string, message: string): AppException {
    return new AppException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, message, [{ field, message }]);
  }

  static conflict(message?: string): AppException {
    return new AppException('CONFLICT', HttpStatus.CONFLICT, message);
  }
}
