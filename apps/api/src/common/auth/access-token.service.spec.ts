import { createHmac } from 'node:crypto';
import { loadConfig } from '../../config/app-config';
import { AppException } from '../errors/app-exception';
import { AccessTokenService } from './access-token.service';

const SECRET = 'spec-only-jwt-secret-0123456789abcdef';

function service(secret = SECRET, ttl = '900'): AccessTokenService {
  return new AccessTokenService(loadConfig({ JWT_SECRET: secret, ACCESS_TOKEN_TTL: ttl }));
}

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token made the way any other JWT library would make it, with the header and claims given. */
function forge(header: unknown, claims: unknown, secret = SECRET): string {
  const signed = `${part(header)}.${part(claims)}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

function refusal(verify: () => unknown): string {
  try {
    verify();
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    return (error as AppException).code;
  }
  throw new Error('the token was accepted');
}

describe(AccessTokenService.name, () => {
  const tokens = service();
  const now = () => Math.floor(Date.now() / 1000);
  const valid = () => ({ sub: '42', g: [['staff', 7]], iat: now(), exp: now() + 60, iss: 'jingcai' });

  afterEach(() => jest.restoreAllMocks());

  it('round-trips the user and grants, dropping roles it does not know', () => {
    const token = tokens.sign(42, [
      { role: 'staff', orgId: 7 },
      { role: 'admin', orgId: null },
    ]);
    expect(tokens.verify(token)).toEqual({
      id: 42,
      grants: [
        { role: 'staff', orgId: 7 },
        { role: 'admin', orgId: null },
      ],
    });
    const unknownRole = forge({ alg: 'HS256', typ: 'JWT' }, { ...valid(), g: [['root', null]] });
    expect(tokens.verify(unknownRole).grants).toEqual([]);
  });

  it('accepts a standard HS256 JWT of its issuer, as signed by other tools (the benchmarks)', () => {
    expect(tokens.verify(forge({ alg: 'HS256', typ: 'JWT' }, valid())).id).toBe(42);
  });

  it('answers TOKEN_EXPIRED once the token has expired', () => {
    const token = service(SECRET, '30').sign(1, []);
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 31_000);
    expect(refusal(() => tokens.verify(token))).toBe('TOKEN_EXPIRED');
  });

  it('still refuses a token it verified before, once it has expired', () => {
    const short = service(SECRET, '30');
    const token = short.sign(1, [{ role: 'staff', orgId: 7 }]);
    const first = short.verify(token);
    // A second check is answered from what was verified, as a copy the caller may change freely.
    first.grants[0].orgId = 99;
    expect(short.verify(token)).toEqual({ id: 1, grants: [{ role: 'staff', orgId: 7 }] });
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 31_000);
    expect(refusal(() => short.verify(token))).toBe('TOKEN_EXPIRED');
  });

  it.each([
    ['another secret', () => forge({ alg: 'HS256', typ: 'JWT' }, valid(), `${SECRET}-other`)],
    ['alg none', () => `${part({ alg: 'none', typ: 'JWT' })}.${part(valid())}.`],
    ['alg none, signed anyway', () => forge({ alg: 'none', typ: 'JWT' }, valid())],
    ['another algorithm named', () => forge({ alg: 'HS512', typ: 'JWT' }, valid())],
    ['another issuer', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...valid(), iss: 'other' })],
    ['no expiry', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...valid(), exp: undefined })],
    ['a subject that is not an id', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...valid(), sub: 'x' })],
    ['no grants', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...valid(), g: undefined })],
    [
      'a changed payload',
      () => {
        const [header, , signature] = tokens.sign(1, []).split('.');
        return `${header}.${part({ ...valid(), g: [['admin', null]] })}.${signature}`;
      },
    ],
    ['a fourth segment', () => `${tokens.sign(1, [])}.x`],
    ['a cut signature', () => tokens.sign(1, []).slice(0, -2)],
    ['not a JWT', () => 'not.a.jwt'],
    ['empty', () => ''],
    ['a grant that is an object', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...valid(), g: [{ role: 'admin' }] })],
    ['a grant with a string org', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...valid(), g: [['staff', '7']] })],
    ['a numeric subject', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...valid(), sub: 13 })],
    [
      'a far-future expiry (longer than the TTL signs)',
      () => forge({ alg: 'HS256', typ: 'JWT' }, { ...valid(), exp: now() + 10 * 365 * 86400 }),
    ],
    ['an expiry just past TTL plus skew', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...valid(), exp: now() + 900 + 61 })],
  ])('refuses %s as UNAUTHENTICATED', (_case, token) => {
    expect(refusal(() => tokens.verify(token()))).toBe('UNAUTHENTICATED');
  });
});
