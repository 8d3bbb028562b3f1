import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { EventCheckinView, MeView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDateTime, formatShanghaiTime } from '../../../../format';
import { useRequest } from '../../../../hooks/use-request';
import { checkInTicket, CHECKIN_REFUSALS, isTicketCode, normaliseTicketCode, ticketCodeFromScan } from '../../../../services/events';
import { canScanCode, scanCode } from '../../../../services/platform';
import { ApiError } from '../../../../services/request';
import { getCurrentUser, useCurrentUser } from '../../../../services/session';
import { fetchMe } from '../../../../services/users';
import InfoRow from '../../components/info-row';
import { formatSpan, isEventStaff } from '../../events-format';
import '../../components/events.css';
import './index.css';
import { pageClass } from '../../../../hooks/use-care-mode';

type Outcome = { kind: 'done'; checkin: EventCheckinView } | { kind: 'refused'; code: string; message: string } | null;

const CODE_HINT = '票码为 10 位字母或数字，请核对后重新输入';

async function fetchUser(): Promise<MeView> {
  return getCurrentUser() ?? fetchMe();
}

/** 签到核验 for venue staff: scan the worker's ticket QR (or type its code); each ticket checks in once. */
export default function EventCheckinPage() {
  const me = useCurrentUser();
  const user = useRequest(fetchUser);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  // This visit's check-ins, newest first: what the staff member just did, at a glance.
  const [log, setLog] = useState<EventCheckinView[]>([]);

  if (user.status !== 'ready' || !me) {
    return (
      <View className={pageClass('page event-checkin')}>
        <StatusView status={user.status === 'error' ? 'error' : 'loading'} onRetry={user.retry} />
      </View>
    );
  }
  if (!isEventStaff(me)) {
    return (
      <View className={pageClass('page event-checkin')}>
        <View className='card event-checkin__step'>
          <Text className='events-label'>无权限</Text>
          <Text className='muted'>仅活动主办方工作人员可以核验电子票。参加活动请在“我的报名”中出示电子票，或输入现场签到码。</Text>
        </View>
      </View>
    );
  }

  const checkIn = async (code: string) => {
    if (busy) return;
    if (!isTicketCode(code)) {
      setTypedError(CODE_HINT);
      return;
    }
    setBusy(true);
    setTypedError(null);
    try {
      const checkin = await checkInTicket(code);
      setOutcome({ kind: 'done', checkin });
      setLog((current) => [checkin, ...current.filter((item) => item.signupId !== checkin.signupId)]);
      setTyped('');
    } catch (error) {
      if (error instanceof ApiError && (CHECKIN_REFUSALS as readonly string[]).includes(error.code)) {
        setOutcome({ kind: 'refused', code: normaliseTicketCode(code), message: error.message });
      }
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    const scanned = await scanCode();
    if (!scanned) return;
    const code = ticketCodeFromScan(scanned);
    if (code) await checkIn(code);
    else void Taro.showToast({ title: '未识别到票码，请手动输入', icon: 'none' });
  };

  return (
    <View className={pageClass('page event-checkin')}>
      <View className='card event-checkin__step'>
        {canScanCode() && (
          <Button block type='primary' onClick={() => void scan()}>
            扫码签到
          </Button>
        )}
        <Text className='events-label'>{canScanCode() ? '或输入票码' : '输入票码'}</Text>
        <Input
          className='events-input'
          aria-label='票码'
          placeholder='请输入 10 位票码'
          maxlength={16}
          value={typed}
          onInput={(event) => {
            setTyped(event.detail.value);
            setTypedError(null);
          }}
          onConfirm={() => void checkIn(typed)}
        />
        {typedError && <Text className='field-error'>{typedError}</Text>}
        <Button block type={canScanCode() ? 'default' : 'primary'} loading={busy} disabled={busy} onClick={() => void checkIn(typed)}>
          确认签到
        </Button>
      </View>

      {outcome?.kind === 'done' && (
        <View className='card event-checkin__step' aria-live='polite'>
          <Text className='event-checkin__result'>签到成功</Text>
          <InfoRow label='活动' value={outcome.checkin.event.title} />
          <InfoRow label='场次' value={`${outcome.checkin.session.label}（${formatSpan(outcome.checkin.session.startsAt, outcome.checkin.session.endsAt)}）`} />
          <InfoRow label='报名人' value={outcome.checkin.workerName} />
          {outcome.checkin.child && <InfoRow label='孩子' value={`${outcome.checkin.child.name}（${outcome.checkin.child.age} 岁）`} />}
          <InfoRow label='报名号' value={outcome.checkin.publicNo} />
          <InfoRow label='签到时间' value={formatShanghaiDateTime(outcome.checkin.checkedInAt)} />
        </View>
      )}
      {outcome?.kind === 'refused' && (
        <View className='card event-checkin__step' aria-live='polite'>
          <Text className='muted'>票码 {outcome.code}</Text>
          <Text className='events-refusal'>{outcome.message}</Text>
        </View>
      )}

      <Text className='section-title'>本次签到（{log.length}）</Text>
      {log.length === 0 ? (
        <StatusView status='empty' message='还没有签到记录' />
      ) : (
        <View className='event-checkin__log'>
          {log.map((item) => (
            <View key={item.signupId} className='card'>
              <InfoRow label={formatShanghaiTime(item.checkedInAt)} value={`${item.workerName} · ${item.event.title} · ${item.session.label}`} />
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
