import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { HAND_OVER_KIND_LABELS, WISH_STATUS_LABELS, type WishView } from '@jingcai/shared';
import LoadMore from '../../../../../components/load-more';
import StatusView from '../../../../../components/status-view';
import { formatShanghaiDateTime } from '../../../../../format';
import { usePagedList } from '../../../../../hooks/use-paged-list';
import { ROUTES } from '../../../../../routes';
import { markWishHandedOver, myWishes } from '../../../../../services/assistance';
import '../../../components/assistance.css';
import { pageClass } from '../../../../../hooks/use-care-mode';

/** 我的心愿: wishes I claimed (where to hand each over, and 已送达) and wishes I wrote (how each is doing). */
export default function MyWishesPage() {
  const list = usePagedList(myWishes, (wish) => `${wish.myRole}-${wish.id}`, { when: 'show', pullDownRefresh: true });

  if (list.status !== 'ready') {
    return (
      <View className={pageClass('page assistance-wishes-mine')}>
        <StatusView status={list.status === 'error' ? 'error' : 'loading'} onRetry={list.retry} />
      </View>
    );
  }
  if (list.items.length === 0) {
    return (
      <View className={pageClass('page assistance-wishes-mine')}>
        <StatusView status='empty' message='还没有认领或许下的心愿' />
        <Button block type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.assistanceWishes })}>
          去心愿墙看看
        </Button>
      </View>
    );
  }
  return (
    <View className={pageClass('page assistance-wishes-mine')}>
      <View className='assistance-list'>
        {list.items.map((wish) => (
          <MyWishCard key={`${wish.myRole}-${wish.id}`} wish={wish} onChanged={() => void list.reload()} />
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={() => void list.loadMore()} endText='没有更多了' />
      </View>
    </View>
  );
}

function MyWishCard({ wish, onChanged }: { wish: WishView; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const donor = wish.myRole === 'donor';

  const handedOver = async () => {
    if (busy) return;
    const { confirm } = await Taro.showModal({
      title: '确认已送达',
      content: `确认已把「${wish.title}」送到${wish.handOver?.place ?? '指定地点'}？工会工作人员核实后即圆梦。`,
      confirmText: '已送达',
      cancelText: '还没有',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      await markWishHandedOver(wish.id);
      void Taro.showToast({ title: '感谢您的爱心！', icon: 'success' });
    } catch {
      // Told by the toast; the list shows where it stands now.
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  return (
    <View className={`card assistance-card assistance-my-wish assistance-my-wish--${wish.myRole}`}>
      <View className='assistance-card__heading'>
        <Text className='assistance-card__title'>{wish.title}</Text>
        <Text className={`assistance-status assistance-status--${wish.status}`}>{WISH_STATUS_LABELS[wish.status]}</Text>
      </View>
      <Text className='muted'>
        {donor ? '我认领的' : '我的心愿'} · {wish.streetName} · {wish.amountYuan} 元
      </Text>
      {wish.rejectReason && wish.status === 'rejected' && <Text className='field-error'>未通过原因：{wish.rejectReason}</Text>}
      {wish.handOver && wish.status !== 'fulfilled' && (
        <View className='assistance-instructions'>
          <Text>
            {donor ? '请送到' : '请到'}
            {HAND_OVER_KIND_LABELS[wish.handOver.kind]}：{wish.handOver.place}
            {donor ? '，由工会转交给这个家庭。' : '领取。'}
          </Text>
        </View>
      )}
      {wish.handedOverAt && <Text className='muted'>送达于 {formatShanghaiDateTime(wish.handedOverAt)}</Text>}
      {wish.fulfilledAt && <Text className='muted'>圆梦于 {formatShanghaiDateTime(wish.fulfilledAt)}</Text>}
      {donor && wish.status === 'claimed' && (
        <Button block type='primary' loading={busy} disabled={busy} aria-label={`「${wish.title}」已送达`} onClick={() => void handedOver()}>
          已送达
        </Button>
      )}
    </View>
  );
}
