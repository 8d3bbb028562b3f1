import { Text, View } from '@tarojs/components';
import { AMENITY_LABELS, type Amenity } from '@jingcai/shared';
import './care.css';

/** What a station offers (饮水, 充电…), as small chips. */
export default function AmenityChips({ amenities }: { amenities: readonly Amenity[] }) {
  if (amenities.length === 0) return null;
  return (
    <View className='amenity-chips'>
      {amenities.map((amenity) => (
        <Text key={amenity} className='amenity-chips__chip'>
          {AMENITY_LABELS[amenity]}
        </Text>
      ))}
    </View>
  );
}
