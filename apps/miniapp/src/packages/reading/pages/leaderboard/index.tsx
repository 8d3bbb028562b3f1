import { useCallback, useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { LeaderboardView, ReaderRankView, ReadingOrgRankView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { orgReadingLeaderboard, readerLeaderboard, type ReadingRankScope } from '../../../../services/reading';
import { formatRate } from '../../reading-format';
import './index.css';

type Board =
  | { scope: 'person'; view: LeaderboardView<ReaderRankView> }
  | { scope: 'org'; view: LeaderboardView<ReadingOrgRankView> };
type LoadStatus = 'loading' | 'ready' | 'error';

const TABS: readonly { scope: ReadingRankScope; label: string }[] = [
  { scope: 'person', label: '个人' },
  { scope: 'org', label: '单位' },
];

/** The season's rankings, by reader (days, then longest streak) or by org (participation), with my row pinned. */
export default function ReadingLeaderboardPage() {
  const { params } = useRouter();
  const seasonId = Number(params.seasonId);
  const [scope, setScope] = useState<ReadingRankScope>('person');
  const [board, setBoard] = useState<Board | null>(null);
  const [status, setStatus] = useState<LoadStatus>('loading');

  const load = useCallback(async () => {
    try {
      const next: Board =
        scope === 'person'
          ? { scope, view: await readerLeaderboard(seasonId) }
          : { scope, view: await orgReadingLeaderboard(seasonId) };
      setBoard(next);
      setStatus('ready');
    } catch {
      setStatus('error');
    }
  }, [seasonId, scope]);

  useEffect(() => {
    setStatus('loading');
    void load();
  }, [load]);

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className='page reading-board'>
      <View className='reading-board__tabs'>
        {TABS.map((tab) => (
          <Text
            key={tab.scope}
            className={`reading-board__tab${tab.scope === scope ? ' reading-board__tab--active' : ''}`}
            onClick={() => setScope(tab.scope)}
          >
            {tab.label}
          </Text>
        ))}
      </View>
      {status !== 'ready' || !board || board.scope !== scope ? (
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={() => void load()} />
      ) : board.scope === 'person' ? (
        <ReaderBoard view={board.view} />
      ) : (
        <OrgBoard view={board.view} />
      )}
    </View>
  );
}

function ReaderBoard({ view }: { view: LeaderboardView<ReaderRankView> }) {
  return (
    <>
      {view.top.length === 0 ? (
        <StatusView status='empty' message='还没有人打卡，快来争第一' />
      ) : (
        <View className='card reading-board__list'>
          {view.top.map((row) => (
            <ReaderRow key={row.userId} row={row} />
          ))}
        </View>
      )}
      {view.me && (
        <View className='card reading-board__me'>
          <Text className='reading-board__me-title'>我的排名 第 {view.me.rank} 名</Text>
          <ReaderRow row={view.me} />
        </View>
      )}
    </>
  );
}

function ReaderRow({ row }: { row: ReaderRankView }) {
  return (
    <View className='reading-rank'>
      <Text className={`reading-rank__rank${row.rank <= 3 ? ' reading-rank__rank--top' : ''}`}>{row.rank}</Text>
      <View className='reading-rank__who'>
        <Text className='reading-rank__name'>{row.name}</Text>
        <Text className='muted'>{row.org ?? '未填写单位'}</Text>
      </View>
      <View className='reading-rank__figures'>
        <Text className='reading-rank__score'>{row.days} 天</Text>
        <Text className='muted'>最长连续 {row.longestStreak} 天</Text>
      </View>
    </View>
  );
}

function OrgBoard({ view }: { view: LeaderboardView<ReadingOrgRankView> }) {
  return (
    <>
      {view.top.length === 0 ? (
        <StatusView status='empty' message='还没有单位参与' />
      ) : (
        <View className='card reading-board__list'>
          {view.top.map((row) => (
            <OrgRow key={row.org.id} row={row} />
          ))}
        </View>
      )}
      {view.me && (
        <View className='card reading-board__me'>
          <Text className='reading-board__me-title'>我的单位 第 {view.me.rank} 名</Text>
          <OrgRow row={view.me} />
        </View>
      )}
    </>
  );
}

function OrgRow({ row }: { row: ReadingOrgRankView }) {
  return (
    <View className='reading-rank'>
      <Text className={`reading-rank__rank${row.rank <= 3 ? ' reading-rank__rank--top' : ''}`}>{row.rank}</Text>
      <View className='reading-rank__who'>
        <Text className='reading-rank__name'>{row.org.name}</Text>
        <Text className='muted'>
          {row.participants} / {row.memberCount} 人参与
        </Text>
      </View>
      <View className='reading-rank__figures'>
        <Text className='reading-rank__score'>参与率 {formatRate(row.participationRate)}</Text>
        <Text className='muted'>共 {row.totalMinutes} 分钟</Text>
      </View>
    </View>
  );
}
