import { useEffect, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { OrgSummary, OrgView } from '@jingcai/shared';
import StatusView from '../status-view';
import { listOrgs } from '../../services/orgs';
import './index.css';

/** The org as a form shows it: with its path when the worker just picked it from the search results. */
export type PickedOrg = OrgSummary & { path?: string };

/** Wait this long after the last keystroke before searching, so typing 大市口 sends one request, not three. */
const SEARCH_DELAY_MS = 300;
const PAGE_SIZE = 20;

type SearchStatus = 'idle' | 'loading' | 'ready' | 'error';

interface OrgPickerProps {
  value: PickedOrg | null;
  onChange: (org: OrgView) => void;
}

/** Finds the worker's union by name and shows each match with its place in the tree. */
export default function OrgPicker({ value, onChange }: OrgPickerProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<OrgView[]>([]);
  const [status, setStatus] = useState<SearchStatus>('idle');
  const [attempt, setAttempt] = useState(0);
  // Only the answer to the latest search may land; an earlier, slower one is dropped.
  const latest = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setStatus('idle');
      setResults([]);
      return;
    }
    const timer = setTimeout(() => {
      const ticket = ++latest.current;
      setStatus('loading');
      listOrgs({ q, pageSize: PAGE_SIZE })
        .then((page) => {
          if (ticket !== latest.current) return;
          setResults(page.items);
          setStatus('ready');
        })
        .catch(() => {
          if (ticket === latest.current) setStatus('error');
        });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, attempt]);

  const pick = (org: OrgView) => {
    onChange(org);
    setQuery('');
  };

  return (
    <View className='org-picker'>
      <View className='org-picker__current'>
        {value ? (
          <>
            <Text className='org-picker__name'>{value.name}</Text>
            {value.path && <Text className='muted'>{value.path}</Text>}
          </>
        ) : (
          <Text className='muted'>尚未选择，可搜索工会名称</Text>
        )}
      </View>
      <Input
        className='org-picker__search'
        placeholder={value ? '搜索以更换所属工会' : '搜索工会名称，如：大市口'}
        value={query}
        onInput={(event) => setQuery(event.detail.value)}
      />
      {status === 'loading' && <StatusView status='loading' message='搜索中…' />}
      {status === 'error' && <StatusView status='error' message='搜索失败' onRetry={() => setAttempt((n) => n + 1)} />}
      {status === 'ready' && results.length === 0 && <StatusView status='empty' message='没有找到匹配的工会组织' />}
      {status === 'ready' &&
        results.map((org) => (
          <View key={org.id} className='org-picker__result' role='button' onClick={() => pick(org)}>
            <Text className='org-picker__name'>{org.name}</Text>
            <Text className='muted'>{org.path}</Text>
          </View>
        ))}
    </View>
  );
}
