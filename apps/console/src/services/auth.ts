import type { AuthResult, ConsoleLoginBody, DemoUserView, DevLoginBody, MeView } from '@jingcai/shared';
import { getSession, sessionFrom, setSession } from '../session/session-store';
import { ApiError, api, apiUrl } from './http';

/** The demo's users, or null when the API has dev login switched off (the route does not exist then). */
export async function devUsers(): Promise<DemoUserView[] | null> {
  try {
    return await api.get<DemoUserView[]>('/auth/dev/users');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export async function devLogin(openid: string): Promise<AuthResult> {
  const result = await api.post<AuthResult>('/auth/dev/login', { openid } satisfies DevLoginBody);
  setSession(sessionFrom(result));
  return result;
}

/** The 8-digit one-time code the mini-program showed the staff member. */
export async function codeLogin(code: string): Promise<AuthResult> {
  const result = await api.post<AuthResult>('/auth/console-login', { code } satisfies ConsoleLoginBody);
  setSession(sessionFrom(result));
  return result;
}

export async function refreshMe(): Promise<MeView> {
  const user = await api.get<MeView>('/me');
  const session = getSession();
  if (session) setSession({ ...session, user });
  return user;
}

/** Revokes the refresh token (best effort) and forgets the session. */
export async function logout(): Promise<void> {
  const session = getSession();
  setSession(null);
  if (!session) return;
  await fetch(apiUrl('/auth/logout'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: session.refreshToken }),
  }).catch(() => undefined);
}
