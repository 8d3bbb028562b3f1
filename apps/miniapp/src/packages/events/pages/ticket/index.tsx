import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ErrorCode, SignupStatus, type SignupView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDateTime } from '../../../../format';
import { useRequest } from '../../../../hooks/use-request';
import { cancelSignup, confirmOffer, mySignup } from '../../../../services/events';
import { openLocation } from '../../../../services/platform';
import InfoRow from '../../components/info-row';
import SignupStatusText from '../../components/signup-status';
import TicketQr from '../../components/ticket-qr';
import VenueCheckin from '../../components/venue-checkin';
import { formatSpan, holdsPlace, signupHint } from '../../events-format';
import '../../components/events.css';
import './index.css';
import { pageClass } from '../../../../hooks/use-care-mode';

/** 电子票: the QR staff scan, the venue code the worker enters, an offer to confirm, and 取消报名. */
export default function TicketPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const load = useCallback(() => mySignup(id), [id]);
  // Again on every show: staff may have checked it in, or an offer arrived, while the worker was elsewhere.
  const { data: signup, status, retry, reload, setData } = useRequest(load, { when: 'show', missingOn: [ErrorCode.NotFound] });

  if (status === 'missing') {
    return (
      <View className={pageClass('page event-ticket')}>
        <StatusView status='empty' message='报名记录不存在' />
      </View>
    );
  }
  if (status !== 'ready' || !signup) {
    return (
      <View className={pageClass('page event-ticket')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }
  return <Ticket signup={signup} onChanged={(next) => setData(next)} onStale={() => void reload()} />;
}

function Ticket({ signup, onChanged, onStale }: { signup: SignupView; onChanged: (next: SignupView) => void; onStale: () => void }) {
  const [busy, setBusy] = useState(false);
  const hint = signupHint(signup);
  const { event, session } = signup;

  const act = async (run: () => Promise<SignupView>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      onChanged(await run());
      void Taro.showToast({ title: done, icon: 'success' });
    } catch {
      // The toast said why (deadline passed, offer lapsed): show where it stands now.
      onStale();
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: '取消后名额将让给候补的职工，不能恢复。确定取消吗？',
      confirmText: '确定取消',
      cancelText: '再想想',
    });
    if (confirm) await act(() => cancelSignup(signup.id), '已取消报名');
  };

  return (
    <View className={pageClass('page event-ticket')}>
      <View className='card event-ticket__card'>
        <Text className='event-ticket__title'>{event.title}</Text>
        <SignupStatusText status={signup.status} />
        {hint && <Text className='muted'>{hint}</Text>}
        {holdsPlace(signup) && signup.ticketCode && <TicketQr code={signup.ticketCode} />}
        {signup.status === SignupStatus.Offered && (
          <Button block type='primary' loading={busy} disabled={busy} onClick={() => void act(() => confirmOffer(signup.id), '已确认参加')}>
            确认参加
          </Button>
        )}
      </View>

      {holdsPlace(signup) && <VenueCheckin sessionId={session.id} onCheckedIn={onStale} />}

      <View className='card event-ticket__details'>
        <InfoRow label='场次' value={session.label} />
        <InfoRow label='时间' value={formatSpan(session.startsAt, session.endsAt)} />
        <InfoRow label='地点' value={event.venue} />
        <InfoRow label='报名号' value={signup.publicNo} />
        {signup.child && <InfoRow label='孩子' value={`${signup.child.name}（${signup.child.age} 岁），监护人 ${signup.child.guardian}`} />}
        {signup.answers.map((answer) => (
          <InfoRow key={answer.key} label={answer.label} value={answer.value} />
        ))}
        <InfoRow label='报名时间' value={formatShanghaiDateTime(signup.createdAt)} />
        <Button
          size='small'
          fill='outline'
          onClick={() => void openLocation({ latitude: event.latitude, longitude: event.longitude, name: event.title, address: event.venue })}
        >
          导航到活动地点
        </Button>
      </View>

      {signup.cancellable && (
        <Button block fill='none' loading={busy} disabled={busy} onClick={() => void cancel()}>
          取消报名
        </Button>
      )}
      {!signup.cancellable && holdsPlace(signup) && (
        <Text className='muted'>已过取消截止时间（{formatShanghaiDateTime(signup.cancelDeadline)}），如不能到场请联系主办方。</Text>
      )}
    </View>
  );
}
