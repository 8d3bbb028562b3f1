import type { MeView } from '@jingcai/shared';
import { describe, expect, it } from 'vitest';
import { consoleRoleOf, grantsOf } from './session-store';

function token(claims: unknown): string {
  const base64url = (value: string) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(value))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${base64url('{"alg":"HS256"}')}.${base64url(JSON.stringify(claims))}.signature`;
}

describe('grantsOf', () => {
  it('reads the [role, orgId] pairs the API signs into the access token', () => {
    expect(grantsOf(token({ sub: '7', g: [['staff', 2], ['lawyer', null]] }))).toEqual([
      { role: 'staff', orgId: 2 },
      { role: 'lawyer', orgId: null },
    ]);
  });

  it('gives nothing for a token it cannot read', () => {
    expect(grantsOf('not-a-jwt')).toEqual([]);
    expect(grantsOf('a.%%%.c')).toEqual([]);
    expect(grantsOf(token({ sub: '7' }))).toEqual([]);
  });
});

describe('consoleRoleOf', () => {
  const user = (roles: MeView['roles']) => ({ roles }) as MeView;
  it('lets admins, staff and lawyers in, strongest role first', () => {
    expect(consoleRoleOf(user(['worker', 'staff', 'admin']))).toBe('admin');
    expect(consoleRoleOf(user(['worker', 'staff']))).toBe('staff');
    expect(consoleRoleOf(user(['worker', 'lawyer']))).toBe('lawyer');
  });

  it('keeps plain workers out', () => {
    expect(consoleRoleOf(user(['worker']))).toBeNull();
  });
});
