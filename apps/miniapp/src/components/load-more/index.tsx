import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import './index.css';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  /** What the end of the list says, e.g. 没有更多记录了. */
  endText: string;
}

/** The foot of a paged list: 加载更多 while pages are left (the page's bottom loads them too), then its end. */
export default function LoadMore({ hasMore, loading, onLoadMore, endText }: LoadMoreProps) {
  return (
    <View className='load-more'>
      {hasMore ? (
        <Button block fill='none' loading={loading} disabled={loading} onClick={onLoadMore}>
          加载更多
        </Button>
      ) : (
        <Text className='muted load-more__end'>{endText}</Text>
      )}
    </View>
  );
}
