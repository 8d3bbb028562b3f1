import { useCallback, useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { normalisePickupCode, PICKUP_CODE_PATTERN, type MeView, type RedemptionView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { useRequest } from '../../../../hooks/use-request';
import { formatShanghaiDateTime, formatShanghaiTime } from '../../../../format';
import { pickupCodeFromScan, pickupCodeFromScene, redeemCode, REDEEM_REFUSALS, todaysRedemptions } from '../../../../services/care';
import { fetchMe } from '../../../../services/users';
import { canScanCode, scanCode } from '../../../../services/platform';
import { ApiError } from '../../../../services/request';
import { getCurrentUser, useCurrentUser } from '../../../../services/session';
import { isStationStaff } from '../../care-format';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/care.css';
import './index.css';

type Step =
  | { kind: 'enter' }
  | { kind: 'confirm'; code: string }
  | { kind: 'done'; redemption: RedemptionView }
  | { kind: 'refused'; code: string; message: string };

const CODE_HINT = '领取码为 8 位字母或数字，请核对后重新输入';

/** Who is signed in, fetched only when not known yet. */
async function fetchUser(): Promise<MeView> {
  return getCurrentUser() ?? fetchMe();
}

/**
 * 核销 for station staff: scan the worker's code (or type it), check it, confirm, and see who it was for.
 * Scanning a claim's mini-program code with WeChat opens this page with `?scene=<code>`.
 */
export default function RedeemPage() {
  const { params } = useRouter();
  const me = useCurrentUser();
  const user = useRequest(fetchUser);
  const [step, setStep] = useState<Step>(() => initialStep(params.scene));
  const [typed, setTyped] = useState(() => (params.scene ? pickupCodeFromScene(params.scene) : ''));
  const [typedError, setTypedError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Only station staff have a day of redemptions: nobody else is asked for one.
  const staff = isStationStaff(me);
  const fetchToday = useCallback(
    (): Promise<RedemptionView[]> => (staff ? todaysRedemptions() : Promise.resolve([])),
    [staff],
  );
  const { data: today = [], status: todayStatus, retry: retryToday, reload: reloadToday, setData: setToday } =
    useRequest(fetchToday);

  usePullDownRefresh(() => {
    void (isStationStaff(getCurrentUser()) ? reloadToday() : user.reload()).finally(() => Taro.stopPullDownRefresh());
  });

  if (user.status !== 'ready' || !me) {
    return (
      <View className={pageClass('page redeem')}>
        <StatusView status={user.status === 'error' ? 'error' : 'loading'} onRetry={user.retry} />
      </View>
    );
  }
  if (!isStationStaff(me)) {
    return (
      <View className={pageClass('page redeem')}>
        <View className='card redeem__denied'>
          <Text className='redeem__denied-title'>无权限</Text>
          <Text className='muted'>仅服务站工作人员可以核销领取码。领取关爱请到“暖新关爱”查看你的领取码。</Text>
        </View>
      </View>
    );
  }

  const next = () => {
    const code = normalisePickupCode(typed);
    if (!PICKUP_CODE_PATTERN.test(code)) {
      setTypedError(CODE_HINT);
      return;
    }
    setTypedError(null);
    setStep({ kind: 'confirm', code });
  };

  const scan = async () => {
    const scanned = await scanCode();
    if (!scanned) return;
    const code = pickupCodeFromScan(scanned);
    if (!code) {
      void Taro.showToast({ title: '未识别到领取码，请手动输入', icon: 'none' });
      return;
    }
    setTyped(code);
    setTypedError(null);
    setStep({ kind: 'confirm', code });
  };

  const redeem = async (code: string) => {
    if (submitting) return;
    setSubmitting(true);
    try {
      const redemption = await redeemCode(code);
      setStep({ kind: 'done', redemption });
      setToday((current) => [redemption, ...current.filter((item) => item.claimId !== redemption.claimId)]);
    } catch (error) {
      if (error instanceof ApiError && (REDEEM_REFUSALS as readonly string[]).includes(error.code)) {
        setStep({ kind: 'refused', code, message: error.message });
      }
      // Anything else the services layer has shown as a toast; the code stays up for another try.
    } finally {
      setSubmitting(false);
    }
  };

  const again = () => {
    setTyped('');
    setStep({ kind: 'enter' });
  };

  return (
    <View className={pageClass('page redeem')}>
      {step.kind === 'enter' && (
        <View className='card redeem__step'>
          {canScanCode() && (
            <Button block type='primary' onClick={() => void scan()}>
              扫码核销
            </Button>
          )}
          <Text className='redeem__label'>{canScanCode() ? '或输入领取码' : '输入领取码'}</Text>
          <Input
            className='redeem__input'
            placeholder='请输入 8 位领取码'
            maxlength={16}
            value={typed}
            onInput={(event) => {
              setTyped(event.detail.value);
              setTypedError(null);
            }}
            onConfirm={next}
          />
          {typedError && <Text className='field-error'>{typedError}</Text>}
          <Button block type={canScanCode() ? 'default' : 'primary'} onClick={next}>
            下一步
          </Button>
        </View>
      )}

      {step.kind === 'confirm' && (
        <View className='card redeem__step redeem__confirm'>
          <Text className='muted'>请核对领取码，确认后将标记为已领取</Text>
          <Text className='redeem__code'>{step.code}</Text>
          <Button block type='primary' loading={submitting} disabled={submitting} onClick={() => void redeem(step.code)}>
            确认核销
          </Button>
          <Button block fill='none' disabled={submitting} onClick={() => setStep({ kind: 'enter' })}>
            返回修改
          </Button>
        </View>
      )}

      {step.kind === 'done' && (
        <View className='card redeem__step redeem__done'>
          <Text className='redeem__result'>核销成功</Text>
          <Row label='领取内容' value={step.redemption.benefit.title} />
          <Row label='领取人' value={step.redemption.workerName ?? '—'} />
          <Row label='手机号' value={step.redemption.workerPhone ?? '—'} />
          <Row label='服务站' value={step.redemption.station.name} />
          <Row label='核销时间' value={formatShanghaiDateTime(step.redemption.redeemedAt)} />
          <Row label='核销人' value={step.redemption.redeemedBy} />
          <Button block type='primary' onClick={again}>
            继续核销
          </Button>
        </View>
      )}

      {step.kind === 'refused' && (
        <View className='card redeem__step'>
          <Text className='muted'>领取码 {step.code}</Text>
          <Text className='care-refusal'>{step.message}</Text>
          <Button block type='primary' onClick={again}>
            重新输入
          </Button>
        </View>
      )}

      <Text className='section-title'>今日核销{todayStatus === 'ready' ? `（${today.length}）` : ''}</Text>
      {todayStatus !== 'ready' ? (
        <StatusView status={todayStatus === 'error' ? 'error' : 'loading'} onRetry={retryToday} />
      ) : today.length === 0 ? (
        <StatusView status='empty' message='今天还没有核销记录' />
      ) : (
        <View className='redeem__today'>
          {today.map((item) => (
            <View key={item.claimId} className='card redeem__item'>
              <View className='redeem__item-heading'>
                <Text className='redeem__item-title'>{item.benefit.title}</Text>
                <Text className='muted'>{formatShanghaiTime(item.redeemedAt)}</Text>
              </View>
              <Text className='muted'>
                {item.workerName ?? '—'} · {item.workerPhone ?? '—'} · {item.station.name}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

/** A scanned mini-program code opens the page at the confirm step; anything unreadable is left to type. */
function initialStep(scene: string | undefined): Step {
  if (!scene) return { kind: 'enter' };
  const code = pickupCodeFromScene(scene);
  return PICKUP_CODE_PATTERN.test(code) ? { kind: 'confirm', code } : { kind: 'enter' };
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='redeem__row'>
      <Text className='redeem__row-label'>{label}</Text>
      <Text className='redeem__row-value'>{value}</Text>
    </View>
  );
}
