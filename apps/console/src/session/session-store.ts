/**
 * The console's session: tokens and the signed-in user, kept in sessionStorage so a closed tab forgets
 * them (staff often share office computers). Everything else subscribes to changes here.
 */
import type { AuthResult, MeView, Role } from '@jingcai/shared';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: MeView;
}

/** A role as the access token carries it: staff grants name the root of the subtree they manage. */
export interface Grant {
  role: Role;
  orgId: number | null;
}

const STORAGE_KEY = 'jingcai.console.session';
type Listener = (session: Session | null) => void;

const listeners = new Set<Listener>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return current;
}

export function setSession(next: Session | null): void {
  current = next;
  try {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled (private mode): the session lives in memory for this tab only.
  }
  for (const listener of listeners) listener(next);
}

export function sessionFrom(result: AuthResult): Session {
  return { accessToken: result.accessToken, refreshToken: result.refreshToken, user: result.user };
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The grants inside the access token (`g: [role, orgId][]`). MeView lists roles but not which org a
 * staff grant covers; the token is the only place the console can learn it. Read for display only: the
 * API verifies the signature and enforces the scope on every request.
 */
export function grantsOf(accessToken: string): Grant[] {
  const payload = accessToken.split('.')[1];
  if (!payload) return [];
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as { g?: unknown };
    if (!Array.isArray(claims.g)) return [];
    return claims.g
      .filter((g): g is [Role, number | null] => Array.isArray(g) && typeof g[0] === 'string')
      .map(([role, orgId]) => ({ role, orgId: typeof orgId === 'number' ? orgId : null }));
  } catch {
    return [];
  }
}

/** Who may use the console at all: staff and admins everything in their scope, lawyers their legal inbox. */
export function consoleRoleOf(user: MeView): 'admin' | 'staff' | 'lawyer' | null {
  if (user.roles.includes('admin')) return 'admin';
  if (user.roles.includes('staff')) return 'staff';
  if (user.roles.includes('lawyer')) return 'lawyer';
  return null;
}
