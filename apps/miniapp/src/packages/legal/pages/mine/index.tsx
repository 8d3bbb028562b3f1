import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { LEGAL_CATEGORY_LABELS, type LegalQuestionSummaryView } from '@jingcai/shared';
import LoadMore from '../../../../components/load-more';
import StatusView from '../../../../components/status-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { formatShanghaiDateTime } from '../../../../format';
import { pageUrl, ROUTES } from '../../../../routes';
import { myQuestions } from '../../../../services/legal';
import QuestionStatus from '../../components/question-status';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/legal.css';
import './index.css';

/** 我的咨询: my questions, the latest activity first, with a 新回复 badge where an answer waits unread. */
export default function MyQuestionsPage() {
  const fetchPage = useCallback((page: number) => myQuestions(page), []);
  // Again on every show: back from a question, its answers are read and its status may have changed.
  const questions = usePagedList(fetchPage, (item) => item.id, { when: 'show', pullDownRefresh: true });

  if (questions.status !== 'ready') {
    return (
      <View className={pageClass('page legal-mine')}>
        <StatusView status={questions.status === 'error' ? 'error' : 'loading'} onRetry={questions.retry} />
      </View>
    );
  }

  if (questions.items.length === 0) {
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
        {questions.items.map((item) => (
          <QuestionRow key={item.id} item={item} />
        ))}
        <LoadMore
          hasMore={questions.hasMore}
          loading={questions.loadingMore}
          onLoadMore={() => void questions.loadMore()}
          endText='没有更多了'
        />
      </View>
    </View>
  );
}

/** A row as the asker sees it: no due date and no overdue mark, which are the union's business. */
function QuestionRow({ item }: { item: LegalQuestionSummaryView }) {
  return (
    <View
      className='card legal-row'
      role='button'
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
