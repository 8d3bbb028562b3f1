import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import FeatureCard from '../../components/feature-card';
import StatusView from '../../components/status-view';
import { FEATURES, UNION_HOTLINE } from '../../features';
import { pageClass, useCareMode } from '../../hooks/use-care-mode';
import { useMe } from '../../hooks/use-me';
import { isProfileComplete } from '../../navigation';
import { ROUTES } from '../../routes';
import './index.css';

export default function HomePage() {
  const { me, status, reload } = useMe();
  const careMode = useCareMode();

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
  useShareAppMessage(() => ({ title: '京彩职工：工会服务就在身边', path: ROUTES.home }));

  return (
    <View className={pageClass('page home')}>
      <View className='home__hero'>
        <Text className='home__brand'>京彩职工</Text>
        {me ? (
          <>
            <Text className='home__greeting care-largest'>你好，{me.realName ?? '职工朋友'}</Text>
            <Text className='home__org'>{me.org?.name ?? '尚未选择所属工会'}</Text>
          </>
        ) : (
          <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={() => void reload()} />
        )}
      </View>

      {me && !isProfileComplete(me) && (
        <View className='card home__notice' role='button' onClick={() => void Taro.navigateTo({ url: ROUTES.profile })}>
          <Text>完善个人资料，享受工会服务</Text>
          <Text className='home__notice-action'>去完善 ›</Text>
        </View>
      )}

      <Text className='section-title'>工会服务</Text>
      <View className={careMode ? 'home__features home__features--tiles' : 'home__features'}>
        {FEATURES.map((feature) => (
          <FeatureCard key={feature.key} feature={feature} large={careMode} />
        ))}
      </View>

      <View className='card home__hotline' role='button' aria-label={`拨打职工服务热线 ${UNION_HOTLINE}`} onClick={() => void Taro.makePhoneCall({ phoneNumber: UNION_HOTLINE })}>
        <Text>职工服务热线</Text>
        <Text className='home__hotline-number'>{UNION_HOTLINE} ›</Text>
      </View>
    </View>
  );
}
