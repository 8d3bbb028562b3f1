import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FEEDBACK_CATEGORY_LABELS, FEEDBACK_REPLY_WORKING_DAYS, type FeedbackView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDateTime } from '../../../../format';
import { useRequest } from '../../../../hooks/use-request';
import { pageUrl, ROUTES } from '../../../../routes';
import { myFeedback } from '../../../../services/feedback';
import FeedbackStatus from '../../components/feedback-status';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/feedback.css';

/** The most a worker is shown at once; older items stay in the data copy (我的 → 个人信息). */
const SHOWN = 50;

/** 投诉建议: write a new one, and follow those sent (the union replies within 5 working days). */
export default function FeedbackPage() {
  const load = useCallback(() => myFeedback(1, SHOWN), []);
  const list = useRequest(load, { when: 'show', pullDownRefresh: true });
  const write = () => void Taro.navigateTo({ url: ROUTES.feedbackNew });

  return (
    <View className={pageClass('page feedback')}>
      <View className='card feedback-field'>
        <Text>对工会的服务有意见或建议？告诉我们，工作人员会在 {FEEDBACK_REPLY_WORKING_DAYS} 个工作日内答复。</Text>
      </View>
      <Button block type='primary' onClick={write}>
        我要投诉建议
      </Button>
      {list.status !== 'ready' || !list.data ? (
        <StatusView status={list.status === 'error' ? 'error' : 'loading'} onRetry={list.retry} />
      ) : list.data.items.length === 0 ? (
        <StatusView status='empty' message='还没有提交过投诉建议' />
      ) : (
        <View className='feedback-list'>
          {list.data.items.map((item) => (
            <FeedbackRow key={item.id} item={item} />
          ))}
        </View>
      )}
    </View>
  );
}

function FeedbackRow({ item }: { item: FeedbackView }) {
  return (
    <View
      className='card feedback-row'
      role='button'
      aria-label={`${FEEDBACK_CATEGORY_LABELS[item.category]}：${item.text}`}
      onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.feedbackDetail, { id: item.id }) })}
    >
      <View className='feedback-row__meta'>
        <Text className='feedback-category'>{FEEDBACK_CATEGORY_LABELS[item.category]}</Text>
        <FeedbackStatus item={item} />
      </View>
      <Text className='feedback-row__text'>{item.text}</Text>
      <Text className='muted'>提交于 {formatShanghaiDateTime(item.createdAt)}</Text>
    </View>
  );
}
