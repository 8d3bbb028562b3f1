import { HttpException, HttpStatus } from '@nestjs/common';
import { ERROR_MESSAGES, type ErrorCode, type ErrorEnvelope } from '@jingcai/shared';

/** The one exception type features throw: a stable code, an HTTP status and a Chinese message. */
export class AppException extends HttpException {
  readonly code: ErrorCode;
  readonly details?: ErrorEnvelope['details'];

  constructor(
    code: ErrorCode,
    status: HttpStatus,
    message: string = ERROR_MESSAGES[code],
    details?: ErrorEnvelope['details'],
  ) {
    // A refusal (4xx) is an answer, not a fault: its stack is never logged, and capturing one through
    // Nest's async frames was ~2% of the API's CPU in the claim rush, where nine answers in ten are 409.
    const stackTraceLimit = Error.stackTraceLimit;
    if (status < HttpStatus.INTERNAL_SERVER_ERROR) Error.stackTraceLimit = 0;
    try {
      super({ code, message, details } satisfies Omit<ErrorEnvelope, 'requestId'>, status);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    this.code = code;
    this.details = details;
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
