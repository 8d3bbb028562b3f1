import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { CheckinStatus, ErrorCode, type CheckinView } from '@jingcai/shared';
import LoadMore from '../../../../components/load-more';
import StatusView from '../../../../components/status-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useRequest } from '../../../../hooks/use-request';
import { currentSeason, myCheckins } from '../../../../services/reading';
import { formatDay } from '../../reading-format';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/reading.css';
import './index.css';

/** What a note's state means to its author; a published note says nothing. */
const STATUS_LABELS: Readonly<Record<CheckinStatus, string | null>> = {
  [CheckinStatus.Published]: null,
  [CheckinStatus.Pending]: '审核中',
  [CheckinStatus.Rejected]: '未通过审核',
  [CheckinStatus.Hidden]: '已隐藏',
};

/**
 * 我的读书笔记: my check-ins and notes of a season, latest day first, including those under review or hidden
 * (the day still counts). Opened with `seasonId`, or for the season open today.
 */
export default function MyNotesPage() {
  const { params } = useRouter();
  const given = Number(params.seasonId) || null;
  const findSeason = useCallback(async () => given ?? (await currentSeason()).season?.id ?? null, [given]);
  const season = useRequest(findSeason);

  if (season.status === 'ready' && season.data === null) {
    return (
      <View className={pageClass('page reading-notes')}>
        <StatusView status='empty' message='当前没有进行中的读书季' />
      </View>
    );
  }
  if (season.status !== 'ready' || !season.data) {
    return (
      <View className={pageClass('page reading-notes')}>
        <StatusView status={season.status === 'error' ? 'error' : 'loading'} onRetry={season.retry} />
      </View>
    );
  }
  return <Notes seasonId={season.data} />;
}

function Notes({ seasonId }: { seasonId: number }) {
  const fetchPage = useCallback((page: number) => myCheckins(seasonId, page), [seasonId]);
  const notes = usePagedList(fetchPage, (checkin) => checkin.id, {
    pullDownRefresh: true,
    missingOn: [ErrorCode.NotFound],
  });

  if (notes.status === 'missing') {
    return (
      <View className={pageClass('page reading-notes')}>
        <StatusView status='empty' message='读书季不存在或不面向你' />
      </View>
    );
  }
  if (notes.status !== 'ready') {
    return (
      <View className={pageClass('page reading-notes')}>
        <StatusView status={notes.status === 'error' ? 'error' : 'loading'} onRetry={notes.retry} />
      </View>
    );
  }
  return (
    <View className={pageClass('page reading-notes')}>
      {notes.items.length === 0 ? (
        <StatusView status='empty' message='还没有读书笔记，打卡时写下读后感吧' />
      ) : (
        <View className='reading-notes__list'>
          <Text className='muted'>共 {notes.total} 篇</Text>
          {notes.items.map((checkin) => (
            <NoteCard key={checkin.id} checkin={checkin} />
          ))}
          <LoadMore hasMore={notes.hasMore} loading={notes.loadingMore} onLoadMore={() => void notes.loadMore()} endText='没有更多笔记了' />
        </View>
      )}
    </View>
  );
}

function NoteCard({ checkin }: { checkin: CheckinView }) {
  const status = STATUS_LABELS[checkin.status];
  return (
    <View className='card reading-notes__card'>
      <View className='reading-notes__heading'>
        <Text className='reading-notes__day'>{formatDay(checkin.day)}</Text>
        {checkin.makeUp && <Text className='reading-notes__tag'>补卡</Text>}
        {status && <Text className='reading-notes__tag reading-notes__tag--status'>{status}</Text>}
      </View>
      <Text className='reading-notes__book'>
        《{checkin.book.title}》 · 阅读 {checkin.minutes} 分钟
      </Text>
      <Text className='reading-notes__note'>{checkin.note}</Text>
      {checkin.photos.length > 0 && (
        <View className='reading-notes__photos'>
          {checkin.photos.map((photo) => (
            <Image key={photo.id} className='reading-notes__photo' src={photo.url} mode='aspectFill' lazyLoad />
          ))}
        </View>
      )}
      <Text className='muted'>{checkin.likeCount} 人点赞</Text>
    </View>
  );
}
