import { useCallback } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ALLOCATION_LABELS, ErrorCode, EVENT_KIND_LABELS, type SessionView, type WorkerEventView } from '@jingcai/shared';
import { imageAlt } from '../../../../a11y';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDateTime } from '../../../../format';
import { useRequest } from '../../../../hooks/use-request';
import { pageUrl, ROUTES } from '../../../../routes';
import { eventById } from '../../../../services/events';
import { openLocation } from '../../../../services/platform';
import InfoRow from '../../components/info-row';
import LotteryPanel from '../../components/lottery-panel';
import { formatEventDays, formatSpan, signupBlocker } from '../../events-format';
import '../../components/events.css';
import './index.css';
import { pageClass } from '../../../../hooks/use-care-mode';

/** One event: what, where and when, its sessions with places left, how places are given, and 我要报名. */
export default function EventDetailPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const load = useCallback(() => eventById(id), [id]);
  // Again on every show: back from signing up, the places and the worker's sign-ups changed.
  const { data: event, status, retry } = useRequest(load, { when: 'show', missingOn: [ErrorCode.NotFound] });

  if (status === 'missing') {
    return (
      <View className={pageClass('page event-detail')}>
        <StatusView status='empty' message='活动不存在或不面向你' />
      </View>
    );
  }
  if (status !== 'ready' || !event) {
    return (
      <View className={pageClass('page event-detail')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }

  return (
    <View className={pageClass('page event-detail')}>
      {event.cover && <Image className='event-detail__cover' src={event.cover.url} mode='aspectFill' {...imageAlt(`${event.title}的封面`)} />}
      <View className='card event-detail__head'>
        <View className='event-detail__tags'>
          <Text className='events-kind'>{EVENT_KIND_LABELS[event.kind]}</Text>
          <Text className='events-tag'>{ALLOCATION_LABELS[event.allocation]}</Text>
        </View>
        <Text className='event-detail__title'>{event.title}</Text>
        <InfoRow label='活动时间' value={formatEventDays(event)} />
        <InfoRow label='活动地点' value={event.venue} />
        <InfoRow label='主办' value={event.ownerOrg.name} />
        <InfoRow label='报名时间' value={`${formatShanghaiDateTime(event.signupStartsAt)} 至 ${formatShanghaiDateTime(event.signupEndsAt)}`} />
        <InfoRow label='取消截止' value={formatShanghaiDateTime(event.cancelDeadline)} />
        <InfoRow label='每人可报' value={`${event.perPersonLimit} 个场次`} />
        <Button
          size='small'
          fill='outline'
          onClick={() => void openLocation({ latitude: event.latitude, longitude: event.longitude, name: event.title, address: event.venue })}
        >
          导航到活动地点
        </Button>
      </View>

      <View className='card'>
        <Text className='event-detail__description'>{event.description}</Text>
      </View>

      <View className='card event-detail__sessions'>
        <Text className='events-label'>场次与名额</Text>
        {event.sessions.map((session) => (
          <SessionRow key={session.id} session={session} lottery={event.allocation === 'lottery'} />
        ))}
      </View>

      {event.allocation === 'lottery' && <LotteryPanel event={event} />}

      <Actions event={event} />
    </View>
  );
}

function SessionRow({ session, lottery }: { session: SessionView; lottery: boolean }) {
  const places = lottery
    ? `${session.capacity} 个名额 · ${session.signups} 人报名`
    : session.remaining > 0
      ? `剩余 ${session.remaining}/${session.capacity}`
      : '已满';
  return (
    <View className='event-session'>
      <View className='event-detail__head'>
        <Text>{session.label}</Text>
        <Text className='muted'>{formatSpan(session.startsAt, session.endsAt)}</Text>
      </View>
      <Text className={`event-session__places${!lottery && session.remaining <= 0 ? ' event-session__places--none' : ''}`}>{places}</Text>
    </View>
  );
}

function Actions({ event }: { event: WorkerEventView }) {
  const blocker = signupBlocker(event, Date.now());
  return (
    <View className='event-detail__actions'>
      {blocker && <Text className='muted'>{blocker}</Text>}
      <Button
        block
        type='primary'
        disabled={blocker !== null}
        onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.eventsSignup, { id: event.id }) })}
      >
        {event.allocation === 'lottery' ? '报名参加抽签' : '我要报名'}
      </Button>
      {event.mySignupIds.length > 0 && (
        <Button block fill='outline' onClick={() => void Taro.navigateTo({ url: ROUTES.eventsMine })}>
          查看我的报名
        </Button>
      )}
    </View>
  );
}
