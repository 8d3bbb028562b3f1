import { Button, Result, Spin } from 'antd';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useRequest } from '../hooks/use-request';
import { errorMessage } from '../services/http';
import { orgsApi } from '../services/orgs';
import { scopeFrom, type OrgScopeModel } from './org-scope';
import { useSession } from './session-context';

interface ScopeContextValue {
  scope: OrgScopeModel;
  /** Loads the tree again (after the org page changed it). */
  reload: () => void;
}

const ScopeContext = createContext<ScopeContextValue | null>(null);

/** Loads the org tree once per session and derives the staff member's scope from it. */
export function ScopeProvider({ children }: { children: ReactNode }) {
  const { grants } = useSession();
  const load = useCallback(() => orgsApi.tree(), []);
  const { data: tree, error, loading, reload } = useRequest(load);
  const scope = useMemo(() => (tree ? scopeFrom(tree, grants) : null), [tree, grants]);
  const value = useMemo(() => (scope ? { scope, reload } : null), [scope, reload]);

  if (!value) {
    if (error && !loading) {
      return (
        <Result
          status="warning"
          title="组织信息加载失败"
          subTitle={errorMessage(error)}
          extra={<Button onClick={reload}>重试</Button>}
        />
      );
    }
    return <Spin size="large" fullscreen tip="正在加载…" />;
  }
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function useScope(): ScopeContextValue {
  const value = useContext(ScopeContext);
  if (!value) throw new Error('useScope outside ScopeProvider');
  return value;
}
