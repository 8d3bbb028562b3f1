import type { ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from './all-exceptions.filter';

/** What the filter answers for `error`: status, headers set and body sent. */
function answer(error: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const reply = {
    status: (status: number) => ((sent.status = status), reply),
    header: (name: string, value: string) => ((sent.headers[name] = value), reply),
    getHeaders: () => sent.headers,
    send: (body: unknown) => ((sent.body = body), reply),
  };
  const request = { id: 'req-1', log: { error: jest.fn() } };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(error, host);
  return sent;
}

const driverError = (fields: object) =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error('driver'), fields));

describe('AllExceptionsFilter', () => {
  it.each([
    [
      'a refused connection (MariaDB down)',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a connection lost mid-query (MariaDB restarting)', driverError({ code: 'PROTOCOL_CONNECTION_LOST' })],
    ['a server out of connections', driverError({ code: 'ER_CON_COUNT_ERROR', errno: 1040 })],
    ['a deadlock still there after our retries', driverError({ code: 'ER_LOCK_DEADLOCK', errno: 1213 })],
  ])('answers 503 with Retry-After for %s', (_, error) => {
    const sent = answer(error);
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBe('2');
    expect(sent.body).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: '服务繁忙，请稍后再试',
      requestId: 'req-1',
    });
  });

  it('answers 500 with nothing of the error for anything else', () => {
    const sent = answer(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      code: 'INTERNAL_ERROR',
      message: '服务器开小差了，请稍后再试',
      requestId: 'req-1',
    });
  });
});
