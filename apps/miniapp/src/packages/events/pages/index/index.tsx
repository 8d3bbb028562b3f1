import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { ALLOCATION_LABELS, EVENT_KIND_LABELS, EVENT_KINDS, type EventKind, type WorkerEventView } from '@jingcai/shared';
import { imageAlt } from '../../../../a11y';
import LoadMore from '../../../../components/load-more';
import PrivacyPopup from '../../../../components/privacy-popup';
import StatusView from '../../../../components/status-view';
import { formatDistance } from '../../../../format';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { pageUrl, ROUTES } from '../../../../routes';
import { listEvents } from '../../../../services/events';
import { getLocation, type Coordinates } from '../../../../services/platform';
import { useCurrentUser } from '../../../../services/session';
import Chip from '../../components/chip';
import { formatEventDays, isEventStaff } from '../../events-format';
import '../../components/events.css';
import './index.css';
import { pageClass } from '../../../../hooks/use-care-mode';

interface Filters {
  kind: EventKind | null;
  thisWeek: boolean;
  /** Near me: the position asked for when the chip was turned on; null when off. */
  near: Coordinates | null;
}

const NO_FILTERS: Filters = { kind: null, thisWeek: false, near: null };

/** 活动报名: events open to this worker, by kind, this week, or nearest first. */
export default function EventsPage() {
  const me = useCurrentUser();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [locating, setLocating] = useState(false);
  const fetchPage = useCallback(
    (page: number) =>
      listEvents({
        kind: filters.kind ?? undefined,
        thisWeek: filters.thisWeek,
        lat: filters.near?.latitude,
        lng: filters.near?.longitude,
        page,
      }),
    [filters],
  );
  const events = usePagedList(fetchPage, (event) => event.id, { when: 'show', pullDownRefresh: true });

  const toggleNear = async () => {
    if (filters.near) {
      setFilters((current) => ({ ...current, near: null }));
      return;
    }
    setLocating(true);
    // Through WeChat's privacy gate (services/platform); null when refused or unavailable.
    const here = await getLocation();
    setLocating(false);
    if (!here) {
      void Taro.showToast({ title: '未能获取你的位置，无法按距离排列', icon: 'none' });
      return;
    }
    setFilters((current) => ({ ...current, near: here }));
  };

  const go = (url: string) => void Taro.navigateTo({ url });

  return (
    <View className={pageClass('page events')}>
      <View className='events__entries'>
        <Entry title='我的报名' hint='电子票和候补' onClick={() => go(ROUTES.eventsMine)} />
        {isEventStaff(me) && <Entry title='签到核验' hint='工作人员专用' onClick={() => go(ROUTES.eventsCheckin)} />}
      </View>

      <View className='card events__filters'>
        <View className='events-chips' role='group' aria-label='活动类型'>
          <Chip label='全部' active={filters.kind === null} onClick={() => setFilters((c) => ({ ...c, kind: null }))} />
          {EVENT_KINDS.map((kind) => (
            <Chip
              key={kind}
              label={EVENT_KIND_LABELS[kind]}
              active={filters.kind === kind}
              onClick={() => setFilters((c) => ({ ...c, kind: c.kind === kind ? null : kind }))}
            />
          ))}
        </View>
        <View className='events-chips'>
          <Chip label='本周' active={filters.thisWeek} onClick={() => setFilters((c) => ({ ...c, thisWeek: !c.thisWeek }))} />
          <Chip label={locating ? '定位中…' : '离我最近'} active={filters.near !== null} onClick={() => void toggleNear()} />
        </View>
      </View>

      {events.status !== 'ready' ? (
        <StatusView status={events.status === 'error' ? 'error' : 'loading'} onRetry={events.retry} />
      ) : events.items.length === 0 ? (
        <StatusView status='empty' message={filters === NO_FILTERS ? '暂时没有可报名的活动' : '没有符合条件的活动'} />
      ) : (
        <View className='events__list'>
          {events.items.map((event) => (
            <EventCard key={event.id} event={event} />
          ))}
          <LoadMore hasMore={events.hasMore} loading={events.loadingMore} onLoadMore={() => void events.loadMore()} endText='没有更多活动了' />
        </View>
      )}
      <PrivacyPopup />
    </View>
  );
}

function Entry({ title, hint, onClick }: { title: string; hint: string; onClick: () => void }) {
  return (
    // Named by its visible text (axe: label-content-name-mismatch).
    <View className='card events__entry' role='button' onClick={onClick}>
      <Text className='events__entry-title'>{title}</Text>
      <Text className='muted'>{hint}</Text>
    </View>
  );
}

function EventCard({ event }: { event: WorkerEventView }) {
  const remaining = event.sessions.reduce((sum, session) => sum + session.remaining, 0);
  const capacity = event.sessions.reduce((sum, session) => sum + session.capacity, 0);
  return (
    <View
      className='card event-card'
      role='button'
      onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.eventsDetail, { id: event.id }) })}
    >
      {event.cover && <Image className='event-card__cover' src={event.cover.url} mode='aspectFill' lazyLoad {...imageAlt(`${event.title}的封面`)} />}
      <View className='event-card__body'>
        <View className='event-card__heading'>
          <Text className='events-kind'>{EVENT_KIND_LABELS[event.kind]}</Text>
          <Text className='events-tag'>{ALLOCATION_LABELS[event.allocation]}</Text>
        </View>
        <Text className='event-card__title'>{event.title}</Text>
        <Text className='muted'>{formatEventDays(event)}</Text>
        <Text className='muted'>
          {event.venue}
          {event.distanceMeters !== null ? ` · ${formatDistance(event.distanceMeters)}` : ''}
        </Text>
        <Text className='muted'>
          {event.allocation === 'lottery' ? `共 ${capacity} 个名额，报名截止后抽签` : `剩余 ${remaining}/${capacity} 个名额`}
        </Text>
        {!event.eligible && <Text className='event-card__reason'>{event.ineligibleReason ?? '暂不符合报名条件'}</Text>}
        {event.mySignupIds.length > 0 && <Text className='events-status'>已报名</Text>}
      </View>
    </View>
  );
}
