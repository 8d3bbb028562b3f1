import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Feature } from '../../features';
import './index.css';

/** One programme on the home page: a coloured badge, its name and a few words; tapping opens it. */
export default function FeatureCard({ feature }: { feature: Feature }) {
  return (
    <View className={`feature-card feature-card--${feature.key}`} onClick={() => void Taro.navigateTo({ url: feature.route })}>
      <View className='feature-card__badge'>{feature.badge}</View>
      <Text className='feature-card__title'>{feature.title}</Text>
      <Text className='feature-card__summary'>{feature.summary}</Text>
    </View>
  );
}
