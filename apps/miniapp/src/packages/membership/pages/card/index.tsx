import { useCallback, useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ErrorCode, WORKER_CATEGORY_LABELS, type MemberCardView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDate } from '../../../../format';
import { ROUTES } from '../../../../routes';
import { memberCard } from '../../../../services/membership';
import { ApiError } from '../../../../services/request';
import { pageClass } from '../../../../hooks/use-care-mode';
import './index.css';

type CardState = { status: 'loading' | 'error' | 'not-member' } | { status: 'ready'; card: MemberCardView };

/** 电子会员证: what a member shows at a service station or an event. */
export default function MemberCardPage() {
  const [state, setState] = useState<CardState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', card: await memberCard() });
    } catch (error) {
      const notMember = error instanceof ApiError && error.code === ErrorCode.NotFound;
      setState({ status: notMember ? 'not-member' : 'error' });
    }
  }, []);

  useLoad(() => {
    void load();
  });

  if (state.status === 'not-member') {
    return (
      <View className={pageClass('page member-card-page')}>
        <View className='card member-card__empty'>
          <Text className='member-card__empty-title'>你还不是工会会员</Text>
          <Text className='muted'>加入工会，享受会员专属的关爱服务和权益保障。</Text>
          <Button block type='primary' onClick={() => void Taro.redirectTo({ url: ROUTES.membershipApply })}>
            申请入会
          </Button>
        </View>
      </View>
    );
  }
  if (state.status !== 'ready') {
    return (
      <View className={pageClass('page member-card-page')}>
        <StatusView status={state.status} onRetry={() => void load()} />
      </View>
    );
  }

  const { card } = state;
  return (
    <View className={pageClass('page member-card-page')}>
      <View className='member-card'>
        <View className='member-card__header'>
          <Text className='member-card__title'>京彩职工 · 电子会员证</Text>
          {card.gigVerified && <Text className='member-card__verified'>已认证</Text>}
        </View>
        <Text className='member-card__name'>{card.realName}</Text>
        <View className='member-card__rows'>
          <Row label='所属工会' value={card.org?.name ?? '—'} />
          <Row label='会员编号' value={card.memberNo} />
          <Row label='职工类别' value={card.category ? WORKER_CATEGORY_LABELS[card.category] : '—'} />
          <Row label='入会日期' value={formatShanghaiDate(card.joinedAt)} />
        </View>
      </View>
      <Text className='muted member-card__note'>本会员证仅限本人使用，请勿转借他人。</Text>
    </View>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='member-card__row'>
      <Text className='member-card__row-label'>{label}</Text>
      <Text className='member-card__row-value'>{value}</Text>
    </View>
  );
}
