import { Map as TaroMap, Text, View } from '@tarojs/components';
import PrivacyPopup from '../../../components/privacy-popup';
import { canShowMap, type Place } from '../../../services/platform';
import './care.css';

const MARKER_ICON = '/packages/care/assets/map-marker.png';

/** The station on a map inside WeChat; a browser has no `<Map>`, so it gets the address and coordinates. */
export default function StationMap({ place }: { place: Place }) {
  if (!canShowMap()) {
    return (
      <View className='station-map station-map--text'>
        <Text className='station-map__address'>{place.address}</Text>
        <Text className='muted'>
          位置：北纬 {place.latitude.toFixed(4)}°，东经 {place.longitude.toFixed(4)}°
        </Text>
      </View>
    );
  }
  // `showLocation` shows the worker's own position, which is privacy-gated.
  return (
    <>
      <TaroMap
      className='station-map'
      latitude={place.latitude}
      longitude={place.longitude}
      scale={16}
      showLocation
      // Taro's types demand a handler; a map that fails to load leaves the address below to go by.
      onError={() => undefined}
      markers={[
        {
          id: 1,
          latitude: place.latitude,
          longitude: place.longitude,
          title: place.name,
          iconPath: MARKER_ICON,
          width: 24,
          height: 32,
        },
      ]}
      />
      <PrivacyPopup />
    </>
  );
}
