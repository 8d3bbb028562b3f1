import { useCallback, useRef, useState } from 'react';
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { StationQuery, StationView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import PrivacyPopup from '../../../../components/privacy-popup';
import { pageUrl, ROUTES } from '../../../../routes';
import { listStations } from '../../../../services/care';
import { getLocation, type Coordinates } from '../../../../services/platform';
import AmenityChips from '../../components/amenity-chips';
import { formatDistance } from '../../care-format';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/care.css';
import './index.css';

const PAGE_SIZE = 20;

type ListStatus = 'locating' | 'loading' | 'ready' | 'error';

function stationQuery(here: Coordinates | null, page: number): StationQuery {
  return { lat: here?.latitude, lng: here?.longitude, page, pageSize: PAGE_SIZE };
}

/** 服务站: 户外劳动者服务站 and 职工驿站, nearest first with their distance when the position is known. */
export default function StationsPage() {
  const [items, setItems] = useState<StationView[]>([]);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<ListStatus>('locating');
  const [loadingMore, setLoadingMore] = useState(false);
  const here = useRef<Coordinates | null>(null);
  const loadedPage = useRef(0);
  const busy = useRef(false);

  const loadFirst = useCallback(async (locate: boolean) => {
    if (locate) here.current = await getLocation();
    try {
      const first = await listStations(stationQuery(here.current, 1));
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
      const next = await listStations(stationQuery(here.current, loadedPage.current + 1));
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

  useLoad(() => {
    void loadFirst(true);
  });
  // The worker may have moved: ask for the position again.
  usePullDownRefresh(() => {
    void loadFirst(true).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void loadMore();
  });

  if (status !== 'ready') {
    return (
      <View className={pageClass('page stations')}>
        <StatusView
          status={status === 'error' ? 'error' : 'loading'}
          message={status === 'locating' ? '正在获取你的位置…' : undefined}
          onRetry={() => {
            setStatus('loading');
            void loadFirst(false);
          }}
        />
        <PrivacyPopup />
      </View>
    );
  }

  return (
    <View className={pageClass('page stations')}>
      <Text className='muted stations__hint'>
        {here.current ? '按离你的距离由近到远排列' : '未能获取你的位置，无法按距离排列'}
      </Text>
      {items.length === 0 ? (
        <StatusView status='empty' message='暂无服务站' />
      ) : (
        <View className='stations__list'>
          {items.map((station) => (
            <View
              key={station.id}
              className='card station-item'
              role='button'
              onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.careStation, { id: station.id }) })}
            >
              <View className='station-item__heading'>
                <Text className='station-item__name'>{station.name}</Text>
                {station.distanceMeters !== null && <Text className='care-distance'>{formatDistance(station.distanceMeters)}</Text>}
              </View>
              <Text className='muted'>{station.address}</Text>
              <Text className='muted'>开放时间：{station.hours}</Text>
              <AmenityChips amenities={station.amenities} />
            </View>
          ))}
          {hasMore ? (
            <Button block fill='none' loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
              加载更多
            </Button>
          ) : (
            <Text className='muted stations__end'>没有更多服务站了</Text>
          )}
        </View>
      )}
      <PrivacyPopup />
    </View>
  );
}
