import { createLoggers } from './logger';
import { prettyLine } from './pretty-stream';

describe('pretty logs (LOG_FORMAT=pretty)', () => {
  function capture() {
    const lines: string[] = [];
    return { lines, stream: { write: (text: string) => void lines.push(text) } };
  }

  it('writes one readable line per record: time, level, context, message, other fields', () => {
    const { lines, stream } = capture();
    createLoggers('info', stream, 'pretty').logger.info({ context: 'Seed', ms: 1234 }, 'seeded the demo district');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO {2}\[Seed\] seeded the demo district ms=1234\n$/);
  });

  it('shows a request as method, path, status and time', () => {
    const { lines, stream } = capture();
    createLoggers('info', stream, 'pretty').accessLog.write({
      reqId: 'r1',
      method: 'GET',
      path: '/api/health',
      ip: '127.0.0.1',
      statusCode: 200,
      responseTime: 1.234,
    });
    expect(lines[0]).toMatch(/ INFO {2}GET \/api\/health 200 1\.2ms\n$/);
  });

  it('keeps the redaction: a phone or a token never reaches the line', () => {
    const { lines, stream } = capture();
    createLoggers('info', stream, 'pretty').logger.warn({ user: { phone: '13800000001' }, wechat: { access_token: 'secret-token' } }, 'odd answer');
    expect(lines[0]).not.toContain('13800000001');
    expect(lines[0]).not.toContain('secret-token');
    expect(lines[0]).toContain('[redacted]');
  });

  it('passes a line that is not JSON through as it is', () => {
    expect(prettyLine('plain text\n')).toBe('plain text');
  });
});
