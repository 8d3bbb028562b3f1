import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Feature } from '../../features';
import './index.css';

/**
 * One programme on the home page: a coloured badge, its name and a few words; tapping opens it. In 长辈模式
 * it is a big tile (one per row, large text) so older workers find and hit it easily.
 */
export default function FeatureCard({ feature, large = false }: { feature: Feature; large?: boolean }) {
  return (
    <View
      className={`feature-card feature-card--${feature.key}${large ? ' feature-card--large' : ''}`}
      role='button'
      onClick={() => void Taro.navigateTo({ url: feature.route })}
    >
      <View className='feature-card__badge' aria-hidden='true'>
        {feature.badge}
      </View>
      <Text className={`feature-card__title${large ? ' care-largest' : ''}`}>{feature.title}</Text>
      <Text className='feature-card__summary'>{feature.summary}</Text>
    </View>
  );
}
