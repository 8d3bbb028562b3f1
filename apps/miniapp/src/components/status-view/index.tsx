import { Text, View } from '@tarojs/components';
import { Button, Loading } from '@nutui/nutui-react-taro';
import './index.css';

export type ViewStatus = 'loading' | 'empty' | 'error';

interface StatusViewProps {
  status: ViewStatus;
  /** Overrides the default text of the status. */
  message?: string;
  /** Shown as a 重试 button on errors. */
  onRetry?: () => void;
}

const DEFAULT_MESSAGES: Record<ViewStatus, string> = {
  loading: '加载中…',
  empty: '暂无内容',
  error: '加载失败，请稍后重试',
};

/** The loading, empty and error states every fetched list or card shows in place of its content. */
export default function StatusView({ status, message, onRetry }: StatusViewProps) {
  return (
    <View className={`status-view status-view--${status}`}>
      {status === 'loading' && <Loading type='circular' />}
      <Text className='status-view__message'>{message ?? DEFAULT_MESSAGES[status]}</Text>
      {status === 'error' && onRetry && (
        <Button size='small' type='primary' fill='outline' onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}
