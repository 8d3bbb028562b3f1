import { useCallback, useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import StatusView from '../../../../components/status-view';
import PrivacyPopup from '../../../../components/privacy-popup';
import { useRequest } from '../../../../hooks/use-request';
import { ROUTES } from '../../../../routes';
import { saveImageToAlbum } from '../../../../services/platform';
import { canSaveToAlbum, myReading } from '../../../../services/reading';
import { imageAlt } from '../../../../a11y';
import { pageClass } from '../../../../hooks/use-care-mode';
import './index.css';

/** My streak poster: the image the API draws, to save to the album (WeChat) or long-press (a browser). */
export default function PosterPage() {
  const { params } = useRouter();
  const seasonId = Number(params.seasonId);
  const [broken, setBroken] = useState(false);
  const [saving, setSaving] = useState(false);

  // The poster's URL is signed and short-lived: fetched each time the page opens, and again on a retry.
  const fetchMine = useCallback(() => myReading(seasonId), [seasonId]);
  const { data: me, status, retry: retryLoad } = useRequest(fetchMine);
  const retry = () => {
    setBroken(false);
    retryLoad();
  };

  useShareAppMessage(() => ({
    title: me ? `我在职工读书季已累计阅读打卡 ${me.days} 天，一起来读书吧` : '职工读书季，一起来读书吧',
    path: ROUTES.reading,
  }));

  if (status !== 'ready' || !me) {
    return (
      <View className={pageClass('page reading-poster')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const outcome = await saveImageToAlbum(me.posterUrl);
    setSaving(false);
    if (outcome === 'saved') void Taro.showToast({ title: '已保存到相册', icon: 'success' });
    if (outcome === 'failed') void Taro.showToast({ title: '保存失败，请在设置中允许保存到相册', icon: 'none' });
  };

  return (
    <View className={pageClass('page reading-poster')}>
      {broken ? (
        <StatusView status='error' message='海报加载失败' onRetry={retry} />
      ) : (
        <Image
          className='reading-poster__image'
          src={me.posterUrl}
          {...imageAlt('我的读书打卡海报')}
          mode='widthFix'
          showMenuByLongpress
          onError={() => setBroken(true)}
        />
      )}
      <Text className='reading-poster__facts'>
        累计打卡 {me.days} 天 · 最长连续 {me.longestStreak} 天 · 阅读 {me.minutes} 分钟
      </Text>
      {canSaveToAlbum() ? (
        <Button block type='primary' disabled={saving || broken} onClick={() => void save()}>
          {saving ? '保存中…' : '保存图片'}
        </Button>
      ) : (
        <Text className='muted reading-poster__hint'>长按图片即可保存或分享</Text>
      )}
      <PrivacyPopup />
    </View>
  );
}
