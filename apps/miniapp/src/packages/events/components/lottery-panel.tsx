import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '../../../format';
import { useRequest } from '../../../hooks/use-request';
import { eventLottery } from '../../../services/events';
import type { WorkerEventView } from '@jingcai/shared';

/**
 * 公开抽签: the seed, published before the window closes, and how anyone re-runs the draw from the published
 * list of sign-up numbers; once drawn, the winners and the waitlist by session number.
 */
export default function LotteryPanel({ event }: { event: WorkerEventView }) {
  const load = useCallback(() => eventLottery(event.id), [event.id]);
  // Only a drawn lottery has results to fetch; before that the seed on the event is all there is.
  const drawn = event.lotteryDrawnAt !== null;
  const result = useRequest(drawn ? load : noResult);
  const sessions = new Map(event.sessions.map((session) => [session.id, session.label]));

  return (
    <View className='card event-lottery'>
      <Text className='events-label'>公开抽签</Text>
      <Text className='muted'>
        报名截止后，对全部报名号按公开的种子进行抽签：每个报名号计算 HMAC-SHA256(种子, 报名号)，按结果从小到大排序，前面的中签，其余按顺序候补。
        {event.noShowRule ? '本活动启用爽约规则：累计爽约 2 次及以上的报名排在其他人之后。' : ''}
        任何人都可以用报名名单和种子重新计算，结果相同。
      </Text>
      <Text className='event-lottery__seed'>
        种子：{event.lotterySeed ?? '—'}
      </Text>
      {drawn && event.lotteryDrawnAt ? (
        <>
          <Text className='muted'>抽签时间：{formatShanghaiDateTime(event.lotteryDrawnAt)}</Text>
          {result.status === 'ready' && result.data
            ? result.data.sessions.map((session) => (
                <View key={session.sessionId} className='event-lottery__session'>
                  <Text className='events-label'>{sessions.get(session.sessionId) ?? '场次'}</Text>
                  <Text className='muted'>
                    中签（{session.winners.length}）：{session.winners.join('、') || '无'}
                  </Text>
                  {session.waitlist.length > 0 && (
                    <Text className='muted'>
                      候补顺序（{session.waitlist.length}）：{session.waitlist.join('、')}
                    </Text>
                  )}
                </View>
              ))
            : result.status === 'error' && <Text className='muted'>抽签结果暂时无法加载，请稍后再试</Text>}
        </>
      ) : (
        <Text className='muted'>尚未抽签，报名截止后进行。</Text>
      )}
    </View>
  );
}

function noResult(): Promise<null> {
  return Promise.resolve(null);
}
