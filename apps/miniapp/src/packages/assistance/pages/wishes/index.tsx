import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WALL_STATUS_LABELS, type WallStatus } from '@jingcai/shared';
import Choice from '../../../../components/choice';
import LoadMore from '../../../../components/load-more';
import StatusView from '../../../../components/status-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { pageUrl, ROUTES } from '../../../../routes';
import { wishWall } from '../../../../services/assistance';
import WishCard from '../../components/wish-card';
import '../../components/assistance.css';
import { pageClass } from '../../../../hooks/use-care-mode';

const FILTERS: readonly { status: WallStatus | undefined; label: string }[] = [
  { status: undefined, label: '全部' },
  { status: 'open', label: WALL_STATUS_LABELS.open },
  { status: 'claimed', label: WALL_STATUS_LABELS.claimed },
  { status: 'fulfilled', label: WALL_STATUS_LABELS.fulfilled },
];

/** 心愿墙: the families' small wishes, vetted by the union; nothing on it says who they are or where they live. */
export default function WishWallPage() {
  const [status, setStatus] = useState<WallStatus | undefined>(undefined);
  const fetchPage = useCallback((page: number) => wishWall(page, status), [status]);
  // Again on every show: back from a wish, it may have been claimed meanwhile.
  const list = usePagedList(fetchPage, (wish) => wish.id, { when: 'show', pullDownRefresh: true });

  return (
    <View className={pageClass('page assistance-wishes')}>
      <Text className='assistance-privacy'>每个心愿都经工会核实。认领后请按指引把礼物送到工会或服务站，由工会转交。</Text>
      <View className='assistance-filters' role='radiogroup' aria-label='按状态筛选'>
        {FILTERS.map((filter) => (
          <Choice
            key={filter.label}
            role='radio'
            className='jc-chip assistance-chip'
            selectedClassName='assistance-chip--active'
            selected={status === filter.status}
            onSelect={() => setStatus(filter.status)}
          >
            {filter.label}
          </Choice>
        ))}
      </View>
      {list.status !== 'ready' ? (
        <StatusView status={list.status === 'error' ? 'error' : 'loading'} onRetry={list.retry} />
      ) : list.items.length === 0 ? (
        <StatusView status='empty' message='暂时没有心愿' />
      ) : (
        <View className='assistance-list'>
          {list.items.map((wish) => (
            <WishCard
              key={wish.id}
              wish={wish}
              onOpen={() => void Taro.navigateTo({ url: pageUrl(ROUTES.assistanceWish, { id: wish.id }) })}
            />
          ))}
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={() => void list.loadMore()} endText='没有更多心愿了' />
        </View>
      )}
    </View>
  );
}
