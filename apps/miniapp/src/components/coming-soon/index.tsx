import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { featureByKey, type FeatureKey } from '../../features';
import { ROUTES } from '../../routes';
import './index.css';

/** Holds a programme's place until it ships, saying what it will do. */
export default function ComingSoon({ feature }: { feature: FeatureKey }) {
  const { title, description } = featureByKey(feature);

  const goBack = () => {
    // Opened from a shared link or a reload there is no page to go back to: land on the services tab.
    if (Taro.getCurrentPages().length > 1) {
      void Taro.navigateBack();
    } else {
      void Taro.switchTab({ url: ROUTES.services });
    }
  };

  return (
    <View className='page coming-soon'>
      <View className='card coming-soon__card'>
        <Text className='coming-soon__title'>{title}</Text>
        <Text className='coming-soon__tag'>即将上线</Text>
        <Text className='coming-soon__description'>{description}</Text>
      </View>
      <Button block type='primary' onClick={goBack}>
        返回
      </Button>
    </View>
  );
}
