import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import StatusView from '../../../../../components/status-view';
import { useRequest } from '../../../../../hooks/use-request';
import { stationById } from '../../../../../services/care';
import { openLocation } from '../../../../../services/platform';
import AmenityChips from '../../../components/amenity-chips';
import StationMap from '../../../components/station-map';
import { pageClass } from '../../../../../hooks/use-care-mode';
import '../../../components/care.css';
import './index.css';

/** One station: on the map, what it offers and when it is open, and 导航 there. */
export default function StationDetailPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const fetchStation = useCallback(() => stationById(id), [id]);
  const { data: station, status, retry } = useRequest(fetchStation);

  if (status !== 'ready' || !station) {
    return (
      <View className={pageClass('page station-detail')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }

  return (
    <View className={pageClass('page station-detail')}>
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
