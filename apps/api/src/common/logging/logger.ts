import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { prettyStream } from './pretty-stream';

/**
 * Paths pino blanks out wherever they appear in a log object. Request bodies are never logged, but
 * errors and WeChat responses can carry these, so they are redacted by name as a second line of defence.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.session_key',
  '*.sessionKey',
  '*.access_token',
  '*.accessToken',
  '*.refreshToken',
  '*.refresh_token',
  '*.phone',
  '*.phoneNumber',
  '*.purePhoneNumber',
  '*.idNumber',
  '*.secret',
  '*.secretAccessKey',
  '*.js_code',
  '*.code',
];

export interface Loggers {
  /** Everything but the access log: redacted, since errors and WeChat answers can carry secrets. */
  logger: Logger;
  /**
   * One line per request, of fields the hook picks (request id, method, path, client address, status,
   * time): nothing in it can hold a secret, so it skips the redaction walk that cost ~4% of the API's CPU
   * in the claim rush (tests/bench/claims).
   */
  accessLog: AccessLog;
}

/** What the line a request leaves when it completes says. */
export interface AccessEntry {
  reqId: string;
  method: string;
  path: string;
  ip: string;
  statusCode: number;
  /** Milliseconds. */
  responseTime: number;
}

export interface AccessLog {
  write(entry: AccessEntry): void;
}

const SERVICE = 'jingcai-api';
const INFO = pino.levels.values.info;

/**
 * The access line as pino writes it at `info` (the same fields, order and format, to the same stream), built
 * directly: it is the one line every request writes, and pino's generic walk of its nested objects was ~3%
 * of the API's CPU in a sign-up rush (tests/bench/events). logger.spec.ts holds the two to the same line.
 */
function accessLogTo(stream: DestinationStream, level: LoggerOptions['level']): AccessLog {
  const threshold = pino.levels.values[level ?? 'info'];
  const enabled = threshold !== undefined && threshold <= INFO;
  const text = JSON.stringify;
  return {
    write({ reqId, method, path, ip, statusCode, responseTime }) {
      if (!enabled) return;
      stream.write(
        `{"level":${INFO},"time":"${new Date().toISOString()}","service":"${SERVICE}","reqId":${text(reqId)},` +
          `"req":{"method":${text(method)},"path":${text(path)},"ip":${text(ip)}},` +
          `"res":{"statusCode":${statusCode}},"responseTime":${responseTime},"msg":"request completed"}\n`,
      );
    },
  };
}

/** JSON lines for log pipelines (production), or one readable line each for a person (the demo). */
export type LogFormat = 'json' | 'pretty';

export function createLoggers(
  level: LoggerOptions['level'],
  destination?: DestinationStream,
  format: LogFormat = 'json',
): Loggers {
  // Buffered, asynchronous writes: a synchronous write per line cost ~15% of the CPU in the claim rush.
  // pino flushes the buffer when the process exits. Pretty lines are for a person watching: written at once.
  const stream =
    format === 'pretty'
      ? prettyStream(destination ?? process.stdout)
      : (destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096 }));
  return {
    logger: pino(
      {
        level,
        base: { service: SERVICE },
        timestamp: pino.stdTimeFunctions.isoTime,
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        serializers: {
          // Should a request ever be logged whole: its path only, never headers or the query string.
          req: (req: { id: unknown; method: string; url: string; ip?: string }) => ({
            id: req.id,
            method: req.method,
            path: req.url.split('?')[0],
            ip: req.ip,
          }),
        },
      },
      stream,
    ),
    accessLog: accessLogTo(stream, level),
  };
}

/** Lets Nest's own `Logger` calls go to the same JSON stream as request logs. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
