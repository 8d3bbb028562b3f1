import { useCallback, useEffect, useState } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { LEGAL_CATEGORIES, LEGAL_CATEGORY_LABELS, type LegalCategory } from '@jingcai/shared';
import { scrollRegion } from '../../../../a11y';
import Choice from '../../../../components/choice';
import LoadMore from '../../../../components/load-more';
import StatusView from '../../../../components/status-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { formatShanghaiDate } from '../../../../format';
import { pageUrl, ROUTES } from '../../../../routes';
import { legalCases } from '../../../../services/legal';
import { excerpt } from '../../legal-format';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/legal.css';
import './index.css';

/** Wait this long after the last keystroke before searching, so typing 欠薪 sends one request, not two. */
const SEARCH_DELAY_MS = 300;

/** 典型案例: published cases by category, searchable, newest first. */
export default function CasesPage() {
  const [category, setCategory] = useState<LegalCategory | null>(null);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  // A new filter is a new list from its first page; only the answer to the latest one lands.
  const fetchPage = useCallback(
    (page: number) => legalCases({ category: category ?? undefined, q: q || undefined, page }),
    [category, q],
  );
  const cases = usePagedList(fetchPage, (item) => item.id, { pullDownRefresh: true });
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
          <Choice
            key={tab.key ?? 'all'}
            role='radio'
            className='jc-chip legal-chip legal-cases__tab'
            selectedClassName='legal-chip--active'
            selected={tab.key === category}
            onSelect={() => setCategory(tab.key)}
          >
            {tab.label}
          </Choice>
        ))}
      </View>

      {cases.status !== 'ready' ? (
        <StatusView status={cases.status === 'error' ? 'error' : 'loading'} onRetry={cases.retry} />
      ) : cases.items.length === 0 ? (
        <StatusView status='empty' message={q ? `没有找到与“${q}”相关的案例` : '暂无典型案例'} />
      ) : (
        <View className='legal-list'>
          {cases.items.map((item) => (
            <View
              key={item.id}
              className='card legal-case'
              role='button'
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
          <LoadMore
            hasMore={cases.hasMore}
            loading={cases.loadingMore}
            onLoadMore={() => void cases.loadMore()}
            endText='没有更多了'
          />
        </View>
      )}
    </View>
  );
}
