import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CLAIM_STATUS_LABELS, ClaimStatus, type ClaimView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDateTime } from '../../../../format';
import { pageUrl, ROUTES } from '../../../../routes';
import { myClaims } from '../../../../services/care';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/care.css';
import './index.css';

type ListStatus = 'loading' | 'ready' | 'error';

/** 我的领取: every claim, newest first, each opening its pickup code. */
export default function MyClaimsPage() {
  const [claims, setClaims] = useState<ClaimView[]>([]);
  const [status, setStatus] = useState<ListStatus>('loading');

  const load = useCallback(async () => {
    try {
      setClaims(await myClaims());
      setStatus('ready');
    } catch {
      setStatus((current) => (current === 'ready' ? current : 'error'));
    }
  }, []);

  // Again on every show: a claim opened from here may have been cancelled or redeemed.
  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (status !== 'ready') {
    return (
      <View className={pageClass('page my-claims')}>
        <StatusView
          status={status}
          onRetry={() => {
            setStatus('loading');
            void load();
          }}
        />
      </View>
    );
  }

  if (claims.length === 0) {
    return (
      <View className={pageClass('page my-claims')}>
        <StatusView status='empty' message='还没有领取记录' />
        <Button block type='primary' onClick={() => void backToBenefits()}>
          去看看可领取的关爱
        </Button>
      </View>
    );
  }

  return (
    <View className={pageClass('page my-claims')}>
      <View className='my-claims__list'>
        {claims.map((claim) => (
          <View
            key={claim.claimId}
            className='card my-claim'
            role='button'
            onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.careClaim, { id: claim.claimId }) })}
          >
            <View className='my-claim__heading'>
              <Text className='my-claim__title'>{claim.benefit.title}</Text>
              <Text className={`my-claim__status my-claim__status--${claim.status}`}>{CLAIM_STATUS_LABELS[claim.status]}</Text>
              <Text className='my-claim__arrow'>›</Text>
            </View>
            <Text className='muted'>领取站点：{claim.station.name}</Text>
            <Text className='muted'>{detailLine(claim)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** Usually opened from the benefit list; from a shared link or a reload there is nothing to go back to. */
async function backToBenefits(): Promise<void> {
  if (Taro.getCurrentPages().length > 1) await Taro.navigateBack();
  else await Taro.redirectTo({ url: ROUTES.care });
}

function detailLine(claim: ClaimView): string {
  switch (claim.status) {
    case ClaimStatus.Claimed:
      return `请于 ${formatShanghaiDateTime(claim.expiresAt)} 前领取`;
    case ClaimStatus.Redeemed:
      return `领取时间：${claim.redeemedAt ? formatShanghaiDateTime(claim.redeemedAt) : '—'}`;
    case ClaimStatus.Cancelled:
    case ClaimStatus.Expired:
      return `申领时间：${formatShanghaiDateTime(claim.claimedAt)}`;
  }
}
