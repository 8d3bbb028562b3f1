import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  LEGAL_CATEGORY_LABELS,
  LEGAL_QUESTION_STATUS_LABELS,
  LEGAL_QUESTION_STATUSES,
  type LegalQuestionStatus,
  type LegalQuestionSummaryView,
} from '@jingcai/shared';
import Choice from '../../../../components/choice';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDateTime } from '../../../../format';
import { pageUrl, ROUTES } from '../../../../routes';
import { legalInbox } from '../../../../services/legal';
import QuestionStatus from '../../components/question-status';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/legal.css';
import './index.css';

type ListStatus = 'loading' | 'ready' | 'error';

interface Filter {
  status: LegalQuestionStatus | null;
  overdue: boolean;
}

/**
 * 解答工作台: the questions a lawyer is assigned, or staff have in scope, filtered by status and to the
 * overdue ones; overdue rows stand out. Each opens the question page, where the assignee answers.
 */
export default function WorkbenchPage() {
  const [filter, setFilter] = useState<Filter>({ status: null, overdue: false });
  const [items, setItems] = useState<LegalQuestionSummaryView[]>([]);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<ListStatus>('loading');
  const [loadingMore, setLoadingMore] = useState(false);
  const loadedPage = useRef(0);
  const busy = useRef(false);
  // Only the answer to the latest filter may land; an earlier, slower one is dropped.
  const latest = useRef(0);
  const shown = useRef(false);

  const query = useCallback(
    (page: number) => legalInbox({ status: filter.status ?? undefined, overdue: filter.overdue, page }),
    [filter],
  );

  const loadFirst = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const first = await query(1);
      if (ticket !== latest.current) return;
      loadedPage.current = 1;
      setItems(first.items);
      setTotal(first.total);
      setStatus('ready');
    } catch {
      if (ticket === latest.current) setStatus((current) => (current === 'ready' ? current : 'error'));
    }
  }, [query]);

  useEffect(() => {
    setStatus('loading');
    void loadFirst();
  }, [loadFirst]);

  // Back from a question just answered, its status (and the overdue mark) have changed. The first show is
  // the load above.
  useDidShow(() => {
    if (shown.current) void loadFirst();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void loadFirst().finally(() => Taro.stopPullDownRefresh());
  });

  const hasMore = items.length < total;

  const loadMore = async () => {
    if (busy.current || !hasMore) return;
    busy.current = true;
    setLoadingMore(true);
    const ticket = latest.current;
    try {
      const next = await query(loadedPage.current + 1);
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

  useReachBottom(() => {
    void loadMore();
  });

  const statusTabs: readonly { key: LegalQuestionStatus | null; label: string }[] = [
    { key: null, label: '全部' },
    ...LEGAL_QUESTION_STATUSES.map((key) => ({ key, label: LEGAL_QUESTION_STATUS_LABELS[key] })),
  ];

  return (
    <View className={pageClass('page legal-workbench')}>
      <View className='legal-workbench__filters'>
        {statusTabs.map((tab) => (
          <Choice
            key={tab.key ?? 'all'}
            role='radio'
            className='jc-chip legal-chip legal-workbench__status'
            selectedClassName='legal-chip--active'
            selected={tab.key === filter.status}
            onSelect={() => setFilter((current) => ({ ...current, status: tab.key }))}
          >
            {tab.label}
          </Choice>
        ))}
        <Choice
          role='checkbox'
          className='jc-chip legal-chip legal-workbench__overdue'
          selectedClassName='legal-chip--active'
          selected={filter.overdue}
          onSelect={() => setFilter((current) => ({ ...current, overdue: !current.overdue }))}
        >
          只看超期
        </Choice>
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
        <StatusView status='empty' message='没有符合条件的咨询' />
      ) : (
        <View className='legal-list'>
          <Text className='muted'>共 {total} 条</Text>
          {items.map((item) => (
            <InboxRow key={item.id} item={item} />
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

function InboxRow({ item }: { item: LegalQuestionSummaryView }) {
  return (
    <View
      className={`card legal-inbox-row${item.overdue ? ' legal-inbox-row--overdue' : ''}`}
      role='button'
      onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.legalQuestion, { id: item.id }) })}
    >
      <View className='legal-inbox-row__heading'>
        <Text className='legal-inbox-row__title'>{item.title}</Text>
        {item.overdue && <Text className='legal-overdue'>已超期</Text>}
      </View>
      <View className='legal-inbox-row__meta'>
        <Text className='legal-category'>{LEGAL_CATEGORY_LABELS[item.category]}</Text>
        <QuestionStatus status={item.status} />
      </View>
      <Text className='muted'>
        提问人：{item.askerName} · 解答人：{item.assignee?.name ?? '未分配'}
      </Text>
      <Text className={item.overdue ? 'legal-inbox-row__due' : 'muted'}>
        {item.dueAt ? `答复期限：${formatShanghaiDateTime(item.dueAt)}` : `最近更新：${formatShanghaiDateTime(item.lastMessageAt)}`}
      </Text>
    </View>
  );
}
