import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { SignupView } from '@jingcai/shared';
import LoadMore from '../../../../components/load-more';
import StatusView from '../../../../components/status-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { pageUrl, ROUTES } from '../../../../routes';
import { mySignups } from '../../../../services/events';
import SignupStatusText from '../../components/signup-status';
import { formatSpan, signupHint } from '../../events-format';
import '../../components/events.css';
import './index.css';
import { pageClass } from '../../../../hooks/use-care-mode';

/** 我的报名: every ticket, newest first, with where it stands (waitlist place, an offer to confirm). */
export default function MySignupsPage() {
  const fetchPage = useCallback((page: number) => mySignups(page), []);
  // Again on every show: a ticket opened from here may have been cancelled, confirmed or checked in.
  const tickets = usePagedList(fetchPage, (signup) => signup.id, { when: 'show', pullDownRefresh: true });

  if (tickets.status !== 'ready') {
    return (
      <View className={pageClass('page events-mine')}>
        <StatusView status={tickets.status === 'error' ? 'error' : 'loading'} onRetry={tickets.retry} />
      </View>
    );
  }
  if (tickets.items.length === 0) {
    return (
      <View className={pageClass('page events-mine')}>
        <StatusView status='empty' message='还没有报名记录' />
        <Button block type='primary' onClick={() => void Taro.redirectTo({ url: ROUTES.events })}>
          去看看可报名的活动
        </Button>
      </View>
    );
  }
  return (
    <View className={pageClass('page events-mine')}>
      <View className='events-mine__list'>
        {tickets.items.map((signup) => (
          <TicketRow key={signup.id} signup={signup} />
        ))}
        <LoadMore hasMore={tickets.hasMore} loading={tickets.loadingMore} onLoadMore={() => void tickets.loadMore()} endText='没有更多报名了' />
      </View>
    </View>
  );
}

function TicketRow({ signup }: { signup: SignupView }) {
  const hint = signupHint(signup);
  return (
    <View
      className='card events-mine__item'
      role='button'
      onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.eventsTicket, { id: signup.id }) })}
    >
      <View className='events-mine__heading'>
        <Text className='events-mine__title'>{signup.event.title}</Text>
        <SignupStatusText status={signup.status} />
      </View>
      <Text className='muted'>
        {signup.session.label} · {formatSpan(signup.session.startsAt, signup.session.endsAt)}
      </Text>
      {hint && <Text className='muted'>{hint}</Text>}
    </View>
  );
}
