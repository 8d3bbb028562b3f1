import { useCallback, useState } from 'react';
import { useLoad, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { StationView } from '@jingcai/shared';
import StatusView from '../../../../../components/status-view';
import { stationById } from '../../../../../services/care';
import { openLocation } from '../../../../../services/platform';
import AmenityChips from '../../../components/amenity-chips';
import StationMap from '../../../components/station-map';
import '../../../components/care.css';
import './index.css';

type LoadStatus = 'loading' | 'ready' | 'error';

/** One station: on the map, what it offers and when it is open, and 导航 there. */
export default function StationDetailPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [station, setStation] = useState<StationView | null>(null);
  const [status, setStatus] = useState<LoadStatus>('loading');

  const load = useCallback(async () => {
    setStatus('loading');
    try {
      setStation(await stationById(id));
      setStatus('ready');
    } catch {
      setStatus('error');
    }
  }, [id]);

  useLoad(() => {
    void load();
  });

  if (status !== 'ready' || !station) {
    return (
      <View className='page station-detail'>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={() => void load()} />
      </View>
    );
  }

  return (
    <View className='page station-detail'>
      <StationMap place={station} />
      <View className='card station-detail__info'>
        <Text className='station-detail__name'>{station.name}</Text>
        <Text className='muted'>地址：{station.address}</Text>
        <Text className='muted'>开放时间：{station.hours}</Text>
        <Text className='muted'>管理单位：{station.org.name}</Text>
        <AmenityChips amenities={station.amenities} />
      </View>
      <Button className='station-detail__go' block type='primary' onClick={() => void openLocation(station)}>
        导航
      </Button>
    </View>
  );
}
