import { Text } from '@tarojs/components';
import type { FeedbackView } from '@jingcai/shared';

/** 待答复 / 已答复, in words and colour. */
export default function FeedbackStatus({ item }: { item: Pick<FeedbackView, 'status'> }) {
  const replied = item.status === 'replied';
  return (
    <Text className={`feedback-status feedback-status--${item.status}`}>{replied ? '已答复' : '待答复'}</Text>
  );
}
