import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { LEGAL_CATEGORIES, LEGAL_CATEGORY_LABELS, type LegalCaseView, type LegalCategory } from '@jingcai/shared';
import { scrollRegion } from '../../../../a11y';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDate } from '../../../../format';
import { pageUrl, ROUTES } from '../../../../routes';
import { legalCases } from '../../../../services/legal';
import { excerpt } from '../../legal-format';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/legal.css';
import './index.css';

/** Wait this long after the last keystroke before searching, so typing 欠薪 sends one request, not two. */
const SEARCH_DELAY_MS = 300;

type ListStatus = 'loading' | 'ready' | 'error';

/** 典型案例: published cases by category, searchable, newest first. */
export default function CasesPage() {
  const [category, setCategory] = useState<LegalCategory | null>(null);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [items, setItems] = useState<LegalCaseView[]>([]);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<ListStatus>('loading');
  const [loadingMore, setLoadingMore] = useState(false);
  const loadedPage = useRef(0);
  const busy = useRef(false);
  // Only the answer to the latest filter may land; an earlier, slower one is dropped.
  const latest = useRef(0);

  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const loadFirst = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const first = await legalCases({ category: category ?? undefined, q: q || undefined, page: 1 });
      if (ticket !== latest.current) return;
      loadedPage.current = 1;
      setItems(first.items);
      setTotal(first.total);
      setStatus('ready');
    } catch {
      if (ticket === latest.current) setStatus((current) => (current === 'ready' ? current : 'error'));
    }
  }, [category, q]);

  useEffect(() => {
    setStatus('loading');
    void loadFirst();
  }, [loadFirst]);

  const hasMore = items.length < total;

  const loadMore = async () => {
    if (busy.current || !hasMore) return;
    busy.current = true;
    setLoadingMore(true);
    const ticket = latest.current;
    try {
      const next = await legalCases({ category: category ?? undefined, q: q || undefined, page: loadedPage.current + 1 });
      if (ticket !== latest.current) return;
      loadedPage.current += 1;
      setItems((current) => [...current, ...next.items.filter((item) => !current.some((seen) => seen.id === item.id))]);
      setTotal(next.total);
    } catch {
      // The services layer has shown why; the button stays for another try.
    } finally {
      busy.current = false;
      setLoadingMore(false);
    }
  };

  usePullDownRefresh(() => {
    void loadFirst().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void loadMore();
  });
  useShareAppMessage(() => ({ title: '典型案例：看看别人怎么维权', path: ROUTES.legalCases }));

  const tabs: readonly { key: LegalCategory | null; label: string }[] = [
    { key: null, label: '全部' },
    ...LEGAL_CATEGORIES.map((key) => ({ key, label: LEGAL_CATEGORY_LABELS[key] })),
  ];

  return (
    <View className={pageClass('page legal-cases')}>
      <Input
        className='legal-input legal-cases__search'
        placeholder='搜索案例，如：拖欠工资、工伤'
        confirmType='search'
        value={typed}
        onInput={(event) => setTyped(event.detail.value)}
      />
      {/* Scrolls sideways when the categories overflow: a named tab stop, so a keyboard can scroll it too. */}
      <View className='legal-cases__tabs' {...scrollRegion('案例分类')}>
        {tabs.map((tab) => (
          <Text
            key={tab.key ?? 'all'}
            className={`legal-chip legal-cases__tab${tab.key === category ? ' legal-chip--active' : ''}`}
            onClick={() => setCategory(tab.key)}
          >
            {tab.label}
          </Text>
        ))}
      </View>

      {status !== 'ready' ? (
        <StatusView
          status={status}
          onRetry={() => {
            setStatus('loading');
            void loadFirst();
          }}
        />
      ) : items.length === 0 ? (
        <StatusView status='empty' message={q ? `没有找到与“${q}”相关的案例` : '暂无典型案例'} />
      ) : (
        <View className='legal-list'>
          {items.map((item) => (
            <View
              key={item.id}
              className='card legal-case'
              onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.legalCase, { id: item.id }) })}
            >
              <Text className='legal-case__title'>{item.title}</Text>
              <Text className='legal-case__excerpt'>{excerpt(item.facts)}</Text>
              <View className='legal-case__meta'>
                <Text className='legal-category'>{LEGAL_CATEGORY_LABELS[item.category]}</Text>
                {item.publishedAt && <Text className='muted'>{formatShanghaiDate(item.publishedAt)}</Text>}
              </View>
            </View>
          ))}
          {hasMore ? (
            <Button block fill='none' loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
              加载更多
            </Button>
          ) : (
            <Text className='muted legal-end'>没有更多了</Text>
          )}
        </View>
      )}
    </View>
  );
}
