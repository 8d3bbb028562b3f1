import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { ErrorCode, FEEDBACK_CATEGORY_LABELS } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDateTime } from '../../../../format';
import { useRequest } from '../../../../hooks/use-request';
import { feedbackById } from '../../../../services/feedback';
import { previewPhotos } from '../../../../services/platform';
import FeedbackStatus from '../../components/feedback-status';
import { imageAlt } from '../../../../a11y';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/feedback.css';

/** One complaint or suggestion and the union's reply (opened from the list or the reply notification). */
export default function FeedbackDetailPage() {
  const id = Number(useRouter().params.id);
  const load = useCallback(() => feedbackById(id), [id]);
  const { data: item, status, retry } = useRequest(load, { when: 'show', missingOn: [ErrorCode.NotFound] });

  if (status === 'missing') return <StatusView status='empty' message='该投诉建议不存在' />;
  if (!item) return <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />;
  const urls = item.photos.map((photo) => photo.url);

  return (
    <View className={pageClass('page feedback-detail')}>
      <View className='card'>
        <View className='feedback-row__meta'>
          <Text className='feedback-category'>{FEEDBACK_CATEGORY_LABELS[item.category]}</Text>
          <FeedbackStatus item={item} />
        </View>
        <Text className='feedback-detail__text'>{item.text}</Text>
        {urls.length > 0 && (
          <View className='feedback-chips'>
            {urls.map((url, index) => (
              <Image
                key={url}
                src={url}
                mode='aspectFill'
                className='feedback-photo'
                {...imageAlt(`照片 ${index + 1}，点击查看大图`)}
                role='button'
                onClick={() => previewPhotos(urls, url)}
              />
            ))}
          </View>
        )}
        <Text className='muted'>提交于 {formatShanghaiDateTime(item.createdAt)}</Text>
        {item.reply ? (
          <View className='feedback-reply' aria-label='工会答复'>
            <Text className='feedback-label'>工会答复</Text>
            <Text>{item.reply}</Text>
            {item.repliedAt && <Text className='muted'>{formatShanghaiDateTime(item.repliedAt)}</Text>}
          </View>
        ) : (
          <Text className='muted'>工作人员将在 {formatShanghaiDateTime(item.dueAt)} 前答复</Text>
        )}
      </View>
    </View>
  );
}
