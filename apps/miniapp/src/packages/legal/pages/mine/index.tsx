import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { LEGAL_CATEGORY_LABELS, type LegalQuestionSummaryView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDateTime } from '../../../../format';
import { pageUrl, ROUTES } from '../../../../routes';
import { myQuestions } from '../../../../services/legal';
import QuestionStatus from '../../components/question-status';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/legal.css';
import './index.css';

type ListStatus = 'loading' | 'ready' | 'error';

/** 我的咨询: my questions, the latest activity first, with a 新回复 badge where an answer waits unread. */
export default function MyQuestionsPage() {
  const [items, setItems] = useState<LegalQuestionSummaryView[]>([]);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<ListStatus>('loading');
  const [loadingMore, setLoadingMore] = useState(false);
  const loadedPage = useRef(0);
  // A ref too, so a scroll-triggered load never asks for the same page twice.
  const busy = useRef(false);

  const loadFirst = useCallback(async () => {
    try {
      const first = await myQuestions(1);
      loadedPage.current = 1;
      setItems(first.items);
      setTotal(first.total);
      setStatus('ready');
    } catch {
      setStatus((current) => (current === 'ready' ? current : 'error'));
    }
  }, []);

  const hasMore = items.length < total;

  const loadMore = async () => {
    if (busy.current || !hasMore) return;
    busy.current = true;
    setLoadingMore(true);
    try {
      const next = await myQuestions(loadedPage.current + 1);
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

  // Again on every show: back from a question, its answers are read and its status may have changed.
  useDidShow(() => {
    void loadFirst();
  });
  usePullDownRefresh(() => {
    void loadFirst().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void loadMore();
  });

  if (status !== 'ready') {
    return (
      <View className={pageClass('page legal-mine')}>
        <StatusView
          status={status}
          onRetry={() => {
            setStatus('loading');
            void loadFirst();
          }}
        />
      </View>
    );
  }

  if (items.length === 0) {
    return (
      <View className={pageClass('page legal-mine')}>
        <StatusView status='empty' message='还没有咨询记录' />
        <Button block type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.legalAsk })}>
          我要咨询
        </Button>
      </View>
    );
  }

  return (
    <View className={pageClass('page legal-mine')}>
      <View className='legal-list'>
        {items.map((item) => (
          <QuestionRow key={item.id} item={item} />
        ))}
        {hasMore ? (
          <Button block fill='none' loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
            加载更多
          </Button>
        ) : (
          <Text className='muted legal-end'>没有更多了</Text>
        )}
      </View>
    </View>
  );
}

/** A row as the asker sees it: no due date and no overdue mark, which are the union's business. */
function QuestionRow({ item }: { item: LegalQuestionSummaryView }) {
  return (
    <View
      className='card legal-row'
      onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.legalQuestion, { id: item.id }) })}
    >
      <View className='legal-row__heading'>
        <Text className='legal-row__title'>{item.title}</Text>
        {item.unreadAnswers > 0 && <Text className='legal-unread'>新回复 {item.unreadAnswers}</Text>}
      </View>
      <View className='legal-row__meta'>
        <Text className='legal-category'>{LEGAL_CATEGORY_LABELS[item.category]}</Text>
        <QuestionStatus status={item.status} />
        <Text className='muted legal-row__who'>{item.assignee ? `解答人：${item.assignee.name}` : '等待分配解答人'}</Text>
      </View>
      <Text className='muted'>最近更新：{formatShanghaiDateTime(item.lastMessageAt)}</Text>
    </View>
  );
}
