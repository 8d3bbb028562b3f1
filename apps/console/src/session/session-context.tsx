import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { consoleRoleOf, getSession, grantsOf, subscribe, type Grant, type Session } from './session-store';

export interface SessionInfo {
  session: Session | null;
  grants: Grant[];
  consoleRole: 'admin' | 'staff' | 'lawyer' | null;
}

const SessionContext = createContext<SessionInfo>({ session: null, grants: [], consoleRole: null });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState(getSession);
  useEffect(() => subscribe(setSession), []);
  // A refreshed token carries the same grants: keep the same array, so the scope is not worked out again.
  const grantsKey = JSON.stringify(session ? grantsOf(session.accessToken) : []);
  const grants = useMemo(() => JSON.parse(grantsKey) as Grant[], [grantsKey]);
  const value = useMemo<SessionInfo>(
    () => ({ session, grants, consoleRole: session ? consoleRoleOf(session.user) : null }),
    [session, grants],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionInfo {
  return useContext(SessionContext);
}
