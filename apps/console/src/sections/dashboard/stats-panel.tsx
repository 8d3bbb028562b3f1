import { Card, Empty, Spin } from 'antd';
import { Select } from '../../components/select';
import type { StatsChoiceView } from '@jingcai/shared';
import { useEffect, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/page-states';
import { useRequest, type RequestState } from '../../hooks/use-request';

/** Which campaign, season or benefit a panel shows; the API picks the newest when none is chosen. */
export function ChoiceSelect({ label, choices, value, onChange }: {
  label: string;
  choices: StatsChoiceView[] | undefined;
  value: number | null | undefined;
  onChange: (id: number) => void;
}) {
  if (!choices?.length) return null;
  return (
    <Select
      aria-label={label}
      style={{ width: 240 }}
      value={value ?? undefined}
      onChange={onChange}
      options={choices.map((c) => ({ value: c.id, label: `${c.title}（${c.startsOn.slice(5)}起）` }))}
    />
  );
}

/**
 * One dashboard panel and its states: a spinner until the first answer, the error with a retry (figures
 * already shown stay), an empty note when there is nothing to count, else the charts.
 */
export function StatsPanel<T>({ title, state, extra, empty, children }: {
  title: string;
  state: RequestState<T>;
  extra?: ReactNode;
  /** The reason to show instead of charts, or null when there are figures. */
  empty: (data: T) => string | null;
  children: (data: T) => ReactNode;
}) {
  const { data, error, loading, reload } = state;
  const reason = data === undefined ? null : empty(data);
  return (
    <Card title={title} extra={extra} data-panel={title}>
      <ErrorAlert error={error} onRetry={reload} />
      {data === undefined ? (
        loading ? <Spin style={{ display: 'block', margin: '48px auto' }} tip="正在统计…"><div /></Spin> : null
      ) : reason ? (
        <Empty description={reason} />
      ) : (
        children(data)
      )}
    </Card>
  );
}

/** A panel's figures, loaded again whenever `round` moves on (the page's refresh button and auto-refresh). */
export function useStats<T>(load: () => Promise<T>, round: number): RequestState<T> {
  const state = useRequest(load);
  const { reload } = state;
  useEffect(() => {
    if (round > 0) reload();
  }, [round, reload]);
  return state;
}
