import pino from 'pino';
import { createLoggers, type AccessEntry } from './logger';

function capture() {
  const lines: string[] = [];
  return { lines, stream: { write: (text: string) => void lines.push(text) } };
}

/** The line pino itself writes for the same record, as the access log wrote it before it was built by hand. */
function pinoLine(entry: AccessEntry): string {
  const { lines, stream } = capture();
  const { reqId, method, path, ip, statusCode, responseTime } = entry;
  pino(
    { level: 'info', base: { service: 'jingcai-api' }, timestamp: pino.stdTimeFunctions.isoTime },
    stream,
  ).info({ reqId, req: { method, path, ip }, res: { statusCode }, responseTime }, 'request completed');
  return lines[0];
}

const withoutTime = (line: string) => line.replace(/"time":"[^"]+"/, '"time":""');

describe('the access log', () => {
  it.each<AccessEntry>([
    {
      reqId: 'r1',
      method: 'GET',
      path: '/api/health',
      ip: '127.0.0.1',
      statusCode: 200,
      responseTime: 1.234,
    },
    // Paths and request ids come from the client: quotes, backslashes, control characters and Chinese.
    {
      reqId: 'trace:"x"\\y',
      method: 'POST',
      path: '/api/活动/"\u0001\n</script>',
      ip: '::ffff:10.0.0.1',
      statusCode: 409,
      responseTime: 0.0123456789,
    },
  ])('writes the line pino writes, byte for byte but the time', (entry) => {
    const { lines, stream } = capture();
    createLoggers('info', stream).accessLog.write(entry);
    expect(lines).toHaveLength(1);
    expect(withoutTime(lines[0])).toBe(withoutTime(pinoLine(entry)));
    expect(JSON.parse(lines[0])).toMatchObject({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('writes nothing when the level is above info', () => {
    for (const level of ['warn', 'error', 'silent'] as const) {
      const { lines, stream } = capture();
      createLoggers(level, stream).accessLog.write({
        reqId: 'r1',
        method: 'GET',
        path: '/',
        ip: '127.0.0.1',
        statusCode: 200,
        responseTime: 1,
      });
      expect(lines).toEqual([]);
    }
  });
});
