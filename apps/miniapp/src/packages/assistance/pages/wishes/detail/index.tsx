import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ErrorCode } from '@jingcai/shared';
import StatusView from '../../../../../components/status-view';
import { useRequest } from '../../../../../hooks/use-request';
import { ROUTES } from '../../../../../routes';
import { claimWish, wishById } from '../../../../../services/assistance';
import WishCard from '../../../components/wish-card';
import '../../../components/assistance.css';
import { pageClass } from '../../../../../hooks/use-care-mode';

/** A wish of the wall, and 我来认领 while nobody has: one donor only, after a confirm. */
export default function WishPage() {
  const id = Number(useRouter().params.id);
  const load = useCallback(() => wishById(id), [id]);
  const { data: wish, status, retry, reload } = useRequest(load, { missingOn: [ErrorCode.NotFound] });
  const [claiming, setClaiming] = useState(false);

  const claim = async () => {
    if (!wish || claiming) return;
    const { confirm } = await Taro.showModal({
      title: '认领心愿',
      content: `认领「${wish.title}」后，请在约定时间内把礼物送到工会指定地点。确定认领吗？`,
      confirmText: '确定认领',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setClaiming(true);
    try {
      await claimWish(wish.id);
      void Taro.showToast({ title: '认领成功', icon: 'success' });
      // The hand-over place is on 我的心愿, with 已送达 for when it is done.
      await Taro.redirectTo({ url: ROUTES.assistanceWishesMine });
    } catch {
      // Someone else was quicker (the toast says so): show the wish as it is now.
      void reload();
    } finally {
      setClaiming(false);
    }
  };

  if (status === 'missing') {
    return (
      <View className={pageClass('page assistance-wish-page')}>
        <StatusView status='empty' message='这个心愿已不在心愿墙上' />
      </View>
    );
  }
  if (status !== 'ready' || !wish) {
    return (
      <View className={pageClass('page assistance-wish-page')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }
  return (
    <View className={pageClass('page assistance-wish-page')}>
      <WishCard wish={wish} full />
      {wish.status === 'open' ? (
        <>
          <Text className='assistance-privacy'>礼物由您送到工会办公室或职工服务站，工会转交给这个家庭，不会公开家庭住址。</Text>
          <Button block type='primary' loading={claiming} disabled={claiming} onClick={() => void claim()}>
            我来认领
          </Button>
        </>
      ) : (
        <Text className='assistance-privacy'>
          {wish.status === 'fulfilled' ? '这个心愿已经圆梦，感谢爱心人士！' : '这个心愿已被认领，去看看其他心愿吧。'}
        </Text>
      )}
    </View>
  );
}
