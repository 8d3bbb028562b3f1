import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BENEFIT_KIND_LABELS, type WorkerBenefitView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDate } from '../../../../format';
import { pageUrl, ROUTES } from '../../../../routes';
import { openBenefits } from '../../../../services/care';
import { fetchMe } from '../../../../services/users';
import { getCurrentUser, useCurrentUser } from '../../../../services/session';
import { isStationStaff } from '../../care-format';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/care.css';
import './index.css';

type ListStatus = 'loading' | 'ready' | 'error';

/** 暖新关爱: what the worker can claim now, and why not where they cannot. */
export default function CareIndexPage() {
  const me = useCurrentUser();
  const [benefits, setBenefits] = useState<WorkerBenefitView[]>([]);
  const [status, setStatus] = useState<ListStatus>('loading');

  const load = useCallback(async () => {
    // Only the 核销 entry needs the worker's roles: the list does not wait for them.
    if (!getCurrentUser()) fetchMe().catch(() => undefined);
    try {
      setBenefits(await openBenefits());
      setStatus('ready');
    } catch {
      setStatus((current) => (current === 'ready' ? current : 'error'));
    }
  }, []);

  // Again on every show: a claim made, cancelled or redeemed meanwhile changes the buttons and the stock.
  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const retry = () => {
    setStatus('loading');
    void load();
  };

  return (
    <View className={pageClass('page care')}>
      <View className='care__entries'>
        <Entry title='我的领取' hint='领取码和记录' onClick={() => void Taro.navigateTo({ url: ROUTES.careMine })} />
        <Entry title='服务站' hint='附近的驿站' onClick={() => void Taro.navigateTo({ url: ROUTES.careStations })} />
        {isStationStaff(me) && (
          <Entry title='核销' hint='工作人员专用' onClick={() => void Taro.navigateTo({ url: ROUTES.careRedeem })} />
        )}
      </View>

      <Text className='section-title'>正在发放</Text>
      {status !== 'ready' ? (
        <StatusView status={status} onRetry={retry} />
      ) : benefits.length === 0 ? (
        <StatusView status='empty' message='暂时没有可领取的关爱活动' />
      ) : (
        <View className='care__list'>
          {benefits.map((benefit) => (
            <BenefitCard key={benefit.id} benefit={benefit} />
          ))}
        </View>
      )}
    </View>
  );
}

function Entry({ title, hint, onClick }: { title: string; hint: string; onClick: () => void }) {
  return (
    <View className='card care__entry' role='button' onClick={onClick}>
      <Text className='care__entry-title'>{title}</Text>
      <Text className='muted'>{hint}</Text>
    </View>
  );
}

function BenefitCard({ benefit }: { benefit: WorkerBenefitView }) {
  const open = () => void Taro.navigateTo({ url: pageUrl(ROUTES.careBenefit, { id: benefit.id }) });
  const { eligible, activeClaimId } = benefit;

  return (
    <View className={`card care-benefit${eligible ? '' : ' care-benefit--ineligible'}`}>
      <View className='care-benefit__body' role='button' onClick={open}>
        <View className='care-benefit__heading'>
          <Text className='care-kind'>{BENEFIT_KIND_LABELS[benefit.kind]}</Text>
          <Text className='care-benefit__title'>{benefit.title}</Text>
        </View>
        <Text className='muted'>
          剩余 {benefit.remainingStock}/{benefit.totalStock} 份 · {formatShanghaiDate(benefit.claimEndsAt)} 截止
        </Text>
        {!eligible && <Text className='care-benefit__reason'>{benefit.ineligibleReason ?? '暂不符合领取条件'}</Text>}
      </View>
      {activeClaimId !== null ? (
        <Button
          className='care-benefit__action'
          size='small'
          type='primary'
          fill='outline'
          onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.careClaim, { id: activeClaimId }) })}
        >
          查看领取码
        </Button>
      ) : (
        eligible && <ClaimButton benefit={benefit} onClaim={open} />
      )}
    </View>
  );
}

function ClaimButton({ benefit, onClaim }: { benefit: WorkerBenefitView; onClaim: () => void }) {
  const blocked =
    benefit.claimsUsed >= benefit.perPersonLimit ? '已领取' : benefit.remainingStock <= 0 ? '已领完' : null;
  return (
    <Button className='care-benefit__action' size='small' type='primary' disabled={blocked !== null} onClick={onClaim}>
      {blocked ?? '立即领取'}
    </Button>
  );
}
