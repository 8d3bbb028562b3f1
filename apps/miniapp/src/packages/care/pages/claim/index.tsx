import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CLAIM_STATUS_LABELS, ClaimStatus } from '@jingcai/shared';
import { imageAlt } from '../../../../a11y';
import StatusView from '../../../../components/status-view';
import { useRequest } from '../../../../hooks/use-request';
import { formatShanghaiDateTime } from '../../../../format';
import { cancelClaim, claimById, claimQrCode } from '../../../../services/care';
import { openLocation } from '../../../../services/platform';
import Countdown from '../../components/countdown';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/care.css';
import './index.css';

type QrState = { status: 'loading' | 'error' } | { status: 'ready'; src: string };

/** 领取码: what the worker shows at the station, where that is, and how long is left. */
export default function ClaimPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [qr, setQr] = useState<QrState>({ status: 'loading' });
  const [cancelling, setCancelling] = useState(false);
  // The code never changes, so its image is fetched once per page.
  const qrFetched = useRef(false);

  const loadQr = useCallback(async () => {
    qrFetched.current = true;
    setQr({ status: 'loading' });
    try {
      setQr({ status: 'ready', src: await claimQrCode(id) });
    } catch {
      setQr({ status: 'error' });
    }
  }, [id]);

  const fetchClaim = useCallback(() => claimById(id), [id]);
  // Again on every show: staff may have redeemed the code while the worker was on another screen.
  const { data: claim, status, retry, reload, setData: setClaim } = useRequest(fetchClaim, { when: 'show' });

  const claimed = claim?.status === ClaimStatus.Claimed;
  useEffect(() => {
    if (claimed && !qrFetched.current) void loadQr();
  }, [claimed, loadQr]);

  const cancel = async () => {
    if (!claim || cancelling) return;
    const { confirm } = await Taro.showModal({
      title: '取消领取',
      content: '取消后名额将退回，可能被他人领走。确定取消吗？',
      confirmText: '确定取消',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setCancelling(true);
    try {
      setClaim(await cancelClaim(claim.claimId));
      void Taro.showToast({ title: '已取消领取', icon: 'success' });
    } catch {
      // Redeemed or expired meanwhile (the toast says so): show where it stands now.
      void reload();
    } finally {
      setCancelling(false);
    }
  };

  if (status !== 'ready' || !claim) {
    return (
      <View className={pageClass('page claim')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }

  const { station } = claim;
  return (
    <View className={pageClass('page claim')}>
      <View className='card claim__ticket'>
        <Text className='claim__benefit'>{claim.benefit.title}</Text>
        <Text className={`claim__status claim__status--${claim.status}`}>{CLAIM_STATUS_LABELS[claim.status]}</Text>

        {claim.status === ClaimStatus.Claimed && (
          <>
            <QrImage qr={qr} onRetry={() => void loadQr()} />
            <Text className='claim__code'>{claim.code}</Text>
            <Text className='muted'>到站后向工作人员出示二维码或领取码</Text>
            <Countdown expiresAt={claim.expiresAt} />
            <Text className='muted'>请于 {formatShanghaiDateTime(claim.expiresAt)} 前领取</Text>
          </>
        )}
        {claim.status === ClaimStatus.Redeemed && (
          <Text className='claim__when'>领取时间：{claim.redeemedAt ? formatShanghaiDateTime(claim.redeemedAt) : '—'}</Text>
        )}
        {claim.status === ClaimStatus.Expired && (
          <Text className='muted'>已超过领取期限（{formatShanghaiDateTime(claim.expiresAt)}），名额已退回</Text>
        )}
        <Text className='muted'>申领时间：{formatShanghaiDateTime(claim.claimedAt)}</Text>
      </View>

      <View className='card claim__station'>
        <Text className='claim__station-label'>领取站点</Text>
        <Text className='claim__station-name'>{station.name}</Text>
        <Text className='muted'>地址：{station.address}</Text>
        <Text className='muted'>开放时间：{station.hours}</Text>
        <Button size='small' type='primary' fill='outline' onClick={() => void openLocation(station)}>
          导航
        </Button>
      </View>

      {claim.status === ClaimStatus.Claimed && (
        <Button className='claim__cancel' block fill='none' loading={cancelling} disabled={cancelling} onClick={() => void cancel()}>
          取消领取
        </Button>
      )}
    </View>
  );
}

function QrImage({ qr, onRetry }: { qr: QrState; onRetry: () => void }) {
  if (qr.status === 'ready') return <Image className='claim__qr' src={qr.src} mode='aspectFit' {...imageAlt('领取码二维码')} />;
  return (
    <View className='claim__qr claim__qr--placeholder'>
      {qr.status === 'loading' ? (
        <StatusView status='loading' message='二维码加载中…' />
      ) : (
        <>
          <Text className='muted'>二维码加载失败</Text>
          <Button size='small' fill='outline' onClick={onRetry}>
            重新加载
          </Button>
        </>
      )}
    </View>
  );
}
