import type { DestinationStream } from 'pino';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const COLOURS: Record<number, string> = { 40: '\x1b[33m', 50: '\x1b[31m', 60: '\x1b[31m' };
const RESET = '\x1b[0m';
/** Fields every line has, or that the layout already shows. */
const SHOWN = new Set(['level', 'time', 'service', 'msg', 'context', 'reqId', 'req', 'res', 'responseTime']);

/**
 * One readable line per log record, for a person watching `pnpm demo` (LOG_FORMAT=pretty): time, level,
 * context, message, then any other fields. It formats what pino already serialised and redacted, so
 * redaction holds; production keeps JSON for the log pipeline.
 */
export function prettyStream(out: { write(text: string): unknown }): DestinationStream {
  return {
    write(line: string) {
      out.write(`${prettyLine(line)}\n`);
    },
  };
}

export function prettyLine(line: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.trimEnd();
  }
  const level = Number(record.level);
  const time = typeof record.time === 'string' ? record.time.slice(11, 19) : '';
  const context = typeof record.context === 'string' ? `[${record.context}] ` : '';
  const req = record.req as { method?: string; path?: string } | undefined;
  const res = record.res as { statusCode?: number } | undefined;
  const request =
    req?.method && res?.statusCode
      ? `${req.method} ${req.path} ${res.statusCode} ${Number(record.responseTime ?? 0).toFixed(1)}ms`
      : '';
  const extra = Object.entries(record)
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const head = `${COLOURS[level] ?? ''}${LEVELS[level] ?? level}${COLOURS[level] ? RESET : ''}`;
  return [time, head, `${context}${request || (typeof record.msg === 'string' ? record.msg : '')}`, extra].filter(Boolean).join(' ');
}
