import { useCallback, useRef, useState } from 'react';
import Taro, { useLoad, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FeedItemView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { previewPhotos } from '../../../../services/platform';
import { readingFeed, setLiked } from '../../../../services/reading';
import { formatDay } from '../../reading-format';
import { imageAlt } from '../../../../a11y';
import { pageClass } from '../../../../hooks/use-care-mode';
import './index.css';

type ListStatus = 'loading' | 'ready' | 'error';

/** 书友圈: the season's published notes, newest first, with photos and likes. */
export default function FeedPage() {
  const { params } = useRouter();
  const seasonId = Number(params.seasonId);
  const [items, setItems] = useState<FeedItemView[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<ListStatus>('loading');
  const [loadingMore, setLoadingMore] = useState(false);
  // Refs too, so a scroll-triggered load never asks for the same page twice, nor a double tap likes twice.
  const busy = useRef(false);
  const liking = useRef(new Set<number>());

  const loadFirst = useCallback(async () => {
    try {
      const first = await readingFeed(seasonId);
      setItems(first.items);
      setNextCursor(first.nextCursor);
      setStatus('ready');
    } catch {
      setStatus((current) => (current === 'ready' ? current : 'error'));
    }
  }, [seasonId]);

  const loadMore = async () => {
    if (busy.current || !nextCursor) return;
    busy.current = true;
    setLoadingMore(true);
    try {
      const next = await readingFeed(seasonId, nextCursor);
      setItems((current) => [...current, ...next.items.filter((item) => !current.some((seen) => seen.id === item.id))]);
      setNextCursor(next.nextCursor);
    } catch {
      // The services layer has shown why; the button stays for another try.
    } finally {
      busy.current = false;
      setLoadingMore(false);
    }
  };

  useLoad(() => {
    void loadFirst();
  });
  usePullDownRefresh(() => {
    void loadFirst().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void loadMore();
  });

  const patch = (id: number, change: Pick<FeedItemView, 'likedByMe' | 'likeCount'>) =>
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...change } : item)));

  /** Shown at once; the API's count replaces it, or the item goes back as it was when the call fails. */
  const toggleLike = async (item: FeedItemView) => {
    if (liking.current.has(item.id)) return;
    liking.current.add(item.id);
    const liked = !item.likedByMe;
    patch(item.id, { likedByMe: liked, likeCount: Math.max(0, item.likeCount + (liked ? 1 : -1)) });
    try {
      const result = await setLiked(item.id, liked);
      patch(item.id, { likedByMe: result.liked, likeCount: result.likeCount });
    } catch {
      patch(item.id, { likedByMe: item.likedByMe, likeCount: item.likeCount });
    } finally {
      liking.current.delete(item.id);
    }
  };

  if (status !== 'ready') {
    return (
      <View className={pageClass('page reading-feed')}>
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

  return (
    <View className={pageClass('page reading-feed')}>
      {items.length === 0 ? (
        <StatusView status='empty' message='还没有人分享读后感，快去打卡吧' />
      ) : (
        <View className='reading-feed__list'>
          {items.map((item) => (
            <FeedCard key={item.id} item={item} onLike={() => void toggleLike(item)} />
          ))}
          {nextCursor ? (
            <Button block fill='none' loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
              加载更多
            </Button>
          ) : (
            <Text className='muted reading-feed__end'>没有更多了</Text>
          )}
        </View>
      )}
    </View>
  );
}

function FeedCard({ item, onLike }: { item: FeedItemView; onLike: () => void }) {
  const urls = item.photos.map((photo) => photo.url);
  return (
    <View className='card reading-post'>
      <View className='reading-post__header'>
        <Text className='reading-post__avatar'>{item.author.name.slice(0, 1)}</Text>
        <View className='reading-post__who'>
          <View className='reading-post__name-row'>
            <Text className='reading-post__author'>{item.author.name}</Text>
            {item.mine && <Text className='reading-post__mine'>我</Text>}
          </View>
          <Text className='muted'>{item.author.org ?? '未填写单位'}</Text>
        </View>
        <Text className='muted'>{formatDay(item.day)}</Text>
      </View>
      <Text className='reading-post__book'>
        《{item.book.title}》 · 阅读 {item.minutes} 分钟
      </Text>
      <Text className='reading-post__note'>{item.note}</Text>
      {urls.length > 0 && (
        <View className={`reading-post__photos${urls.length === 1 ? ' reading-post__photos--single' : ''}`}>
          {item.photos.map((photo, index) => (
            <Image
              key={photo.id}
              className='reading-post__photo'
              src={photo.url}
              {...imageAlt(`打卡照片 ${index + 1}，点击查看大图`)}
              mode={urls.length === 1 ? 'widthFix' : 'aspectFill'}
              lazyLoad
              role='button'
              onClick={() => previewPhotos(urls, photo.url)}
            />
          ))}
        </View>
      )}
      <View className='reading-post__footer'>
        <View
          className={`jc-tap reading-like${item.likedByMe ? ' reading-like--liked' : ''}`}
          role='button'
          aria-pressed={item.likedByMe}
          aria-label={`点赞，${item.likeCount} 人`}
          onClick={onLike}
        >
          {/* A filled or hollow heart: liked or not by shape, not only by colour. */}
          <Text className='reading-like__icon'>{item.likedByMe ? '♥' : '♡'}</Text>
          <Text className='reading-like__count'>{item.likeCount}</Text>
        </View>
      </View>
    </View>
  );
}
