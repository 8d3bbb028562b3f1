import { useCallback, useState } from 'react';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BENEFIT_KIND_LABELS, ErrorCode, SubscribeTemplate, type WorkerBenefitView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import PrivacyPopup from '../../../../components/privacy-popup';
import { useRequest } from '../../../../hooks/use-request';
import { useSubscribeRequest } from '../../../../hooks/use-subscribe-request';
import { formatShanghaiDateTime } from '../../../../format';
import { pageUrl, ROUTES } from '../../../../routes';
import { claimBenefit, CLAIM_REFUSALS, openBenefits } from '../../../../services/care';
import { getLocation, type Coordinates } from '../../../../services/platform';
import { ApiError } from '../../../../services/request';
import { formatDistance, nearestFirst } from '../../care-format';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/care.css';
import './index.css';

/** 'pending' while asking for the position; null when it could not be had. */
type Whereabouts = Coordinates | null | 'pending';

const WHERE_HINTS = {
  pending: '正在获取你的位置…',
  unknown: '未能获取你的位置，按站点名称排列，请自行选择',
  known: '按离你的距离由近到远排列',
};

/** A claim is worth two messages: the code is ready, and (a day before the deadline) it is about to expire. */
const ON_CLAIM = [SubscribeTemplate.ClaimReady, SubscribeTemplate.ClaimExpiring];

/** One benefit: what it is, where to pick it up (nearest station first), and 确认领取. */
export default function BenefitPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [here, setHere] = useState<Whereabouts>('pending');
  // The station the worker tapped; until then the nearest one is proposed.
  const [chosen, setChosen] = useState<number | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const askToBeTold = useSubscribeRequest(ON_CLAIM);

  // There is no single-benefit endpoint for workers: the list holds it, with this worker's eligibility.
  const fetchBenefit = useCallback(
    async (): Promise<WorkerBenefitView | null> => (await openBenefits()).find((candidate) => candidate.id === id) ?? null,
    [id],
  );
  const { data: benefit, status, retry, setData: setBenefit } = useRequest(fetchBenefit);

  useLoad(() => {
    void getLocation().then(setHere);
  });

  if (status === 'ready' && benefit === null) {
    return (
      <View className={pageClass('page benefit')}>
        <StatusView status='empty' message='该活动已结束或不存在' />
        <PrivacyPopup />
      </View>
    );
  }
  if (status !== 'ready' || !benefit) {
    return (
      <View className={pageClass('page benefit')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
        <PrivacyPopup />
      </View>
    );
  }

  const located = here !== 'pending' ? here : null;
  const stations = nearestFirst(benefit.stations, located);
  const proposed = located || stations.length === 1 ? (stations[0]?.id ?? null) : null;
  const selected = chosen ?? proposed;
  const whereHint = here === 'pending' ? WHERE_HINTS.pending : here ? WHERE_HINTS.known : WHERE_HINTS.unknown;

  const claim = async () => {
    if (submitting || selected === null) return;
    setSubmitting(true);
    setRefusal(null);
    try {
      // WeChat shows the subscribe prompt only from the tap, before anything else is awaited.
      await askToBeTold();
      const made = await claimBenefit(benefit.id, selected);
      // In place of this page: going back from the code leads to the list, not to a claim already made.
      void Taro.redirectTo({ url: pageUrl(ROUTES.careClaim, { id: made.claimId }) });
    } catch (error) {
      if (error instanceof ApiError && (CLAIM_REFUSALS as readonly string[]).includes(error.code)) {
        setRefusal(error.message);
        if (error.code === ErrorCode.OutOfStock) setBenefit({ ...benefit, remainingStock: 0 });
      }
      // Anything else the services layer has shown as a toast.
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className={pageClass('page benefit')}>
      <View className='card benefit__summary'>
        <View className='benefit__heading'>
          <Text className='care-kind'>{BENEFIT_KIND_LABELS[benefit.kind]}</Text>
          <Text className='benefit__title'>{benefit.title}</Text>
        </View>
        {benefit.description && <Text className='benefit__description'>{benefit.description}</Text>}
        <Text className='muted'>
          剩余 {benefit.remainingStock}/{benefit.totalStock} 份 · 每人限领 {benefit.perPersonLimit} 份
        </Text>
        <Text className='muted'>领取截止：{formatShanghaiDateTime(benefit.claimEndsAt)}</Text>
        <Text className='muted'>到站领取截止：{formatShanghaiDateTime(benefit.pickupDeadline)}</Text>
      </View>

      <Text className='section-title'>选择领取站点</Text>
      <Text className='muted benefit__where'>{whereHint}</Text>
      {/* Each station has its own radio mark (a ✓ in a circle), so none takes components/choice's tick. */}
      <View className='benefit__stations' role='radiogroup' aria-label='选择领取站点'>
        {stations.map((station) => (
          <View
            key={station.id}
            className={`card benefit-station${selected === station.id ? ' benefit-station--selected' : ''}`}
            role='radio'
            aria-checked={selected === station.id}
            onClick={() => setChosen(station.id)}
          >
            <View className='benefit-station__heading'>
              <Text className='benefit-station__check' aria-hidden='true'>
                {selected === station.id ? '✓' : ''}
              </Text>
              <Text className='benefit-station__name'>{station.name}</Text>
              {station.distanceMeters !== null && <Text className='care-distance'>{formatDistance(station.distanceMeters)}</Text>}
            </View>
            <Text className='muted'>
              {station.address} · {station.hours}
            </Text>
          </View>
        ))}
      </View>

      {refusal && <Text className='care-refusal'>{refusal}</Text>}
      <View className='benefit__actions'>
        <ClaimAction benefit={benefit} selected={selected} submitting={submitting} onClaim={() => void claim()} />
      </View>
      <PrivacyPopup />
    </View>
  );
}

interface ClaimActionProps {
  benefit: WorkerBenefitView;
  selected: number | null;
  submitting: boolean;
  onClaim: () => void;
}

function ClaimAction({ benefit, selected, submitting, onClaim }: ClaimActionProps) {
  if (!benefit.eligible) {
    return <Text className='care-refusal'>{benefit.ineligibleReason ?? '暂不符合领取条件'}</Text>;
  }
  if (benefit.activeClaimId !== null) {
    const url = pageUrl(ROUTES.careClaim, { id: benefit.activeClaimId });
    return (
      <Button block type='primary' onClick={() => void Taro.redirectTo({ url })}>
        查看领取码
      </Button>
    );
  }
  const blocked =
    benefit.claimsUsed >= benefit.perPersonLimit ? '已达领取上限' : benefit.remainingStock <= 0 ? '已领完' : null;
  return (
    <Button
      block
      type='primary'
      loading={submitting}
      disabled={blocked !== null || selected === null || submitting}
      onClick={onClaim}
    >
      {blocked ?? (selected === null ? '请选择领取站点' : '确认领取')}
    </Button>
  );
}
