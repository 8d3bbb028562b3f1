import { useCallback, useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { LeaderboardView, OrgRankView, PersonRankView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { orgLeaderboard, personLeaderboard, type LeaderboardScope } from '../../../../services/quiz';
import { formatDuration, formatRate } from '../../quiz-format';
import './index.css';

type Board = { scope: 'person'; view: LeaderboardView<PersonRankView> } | { scope: 'org'; view: LeaderboardView<OrgRankView> };
type LoadStatus = 'loading' | 'ready' | 'error';

const TABS: readonly { scope: LeaderboardScope; label: string }[] = [
  { scope: 'person', label: '个人' },
  { scope: 'org', label: '组织' },
];

/** A campaign's rankings, by person (best score, then time) or by org (participation), with my row pinned. */
export default function LeaderboardPage() {
  const { params } = useRouter();
  const campaignId = Number(params.campaignId);
  const [scope, setScope] = useState<LeaderboardScope>('person');
  const [board, setBoard] = useState<Board | null>(null);
  const [status, setStatus] = useState<LoadStatus>('loading');

  const load = useCallback(async () => {
    try {
      const next: Board =
        scope === 'person'
          ? { scope, view: await personLeaderboard(campaignId) }
          : { scope, view: await orgLeaderboard(campaignId) };
      setBoard(next);
      setStatus('ready');
    } catch {
      setStatus('error');
    }
  }, [campaignId, scope]);

  useEffect(() => {
    setStatus('loading');
    void load();
  }, [load]);

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className='page quiz-board'>
      <View className='quiz-board__tabs'>
        {TABS.map((tab) => (
          <Text
            key={tab.scope}
            className={`quiz-board__tab${tab.scope === scope ? ' quiz-board__tab--active' : ''}`}
            onClick={() => setScope(tab.scope)}
          >
            {tab.label}
          </Text>
        ))}
      </View>
      {status !== 'ready' || !board || board.scope !== scope ? (
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={() => void load()} />
      ) : board.scope === 'person' ? (
        <PersonBoard view={board.view} />
      ) : (
        <OrgBoard view={board.view} />
      )}
    </View>
  );
}

function PersonBoard({ view }: { view: LeaderboardView<PersonRankView> }) {
  return (
    <>
      {view.top.length === 0 ? (
        <StatusView status='empty' message='还没有人参加，快来争第一' />
      ) : (
        <View className='card quiz-board__list'>
          {view.top.map((row) => (
            <PersonRow key={row.userId} row={row} />
          ))}
        </View>
      )}
      {view.me && (
        <View className='card quiz-board__me'>
          <Text className='quiz-board__me-title'>我的排名 第 {view.me.rank} 名</Text>
          <PersonRow row={view.me} />
        </View>
      )}
    </>
  );
}

function PersonRow({ row }: { row: PersonRankView }) {
  return (
    <View className='quiz-rank'>
      <Text className={`quiz-rank__rank${row.rank <= 3 ? ' quiz-rank__rank--top' : ''}`}>{row.rank}</Text>
      <View className='quiz-rank__who'>
        <Text className='quiz-rank__name'>{row.name}</Text>
        <Text className='muted'>{row.org ?? '未填写组织'}</Text>
      </View>
      <View className='quiz-rank__figures'>
        <Text className='quiz-rank__score'>{row.bestScore} 分</Text>
        <Text className='muted'>用时 {formatDuration(row.durationSeconds)}</Text>
      </View>
    </View>
  );
}

function OrgBoard({ view }: { view: LeaderboardView<OrgRankView> }) {
  return (
    <>
      {view.top.length === 0 ? (
        <StatusView status='empty' message='还没有组织参加' />
      ) : (
        <View className='card quiz-board__list'>
          {view.top.map((row) => (
            <OrgRow key={row.org.id} row={row} />
          ))}
        </View>
      )}
      {view.me && (
        <View className='card quiz-board__me'>
          <Text className='quiz-board__me-title'>我的组织 第 {view.me.rank} 名</Text>
          <OrgRow row={view.me} />
        </View>
      )}
    </>
  );
}

function OrgRow({ row }: { row: OrgRankView }) {
  return (
    <View className='quiz-rank'>
      <Text className={`quiz-rank__rank${row.rank <= 3 ? ' quiz-rank__rank--top' : ''}`}>{row.rank}</Text>
      <View className='quiz-rank__who'>
        <Text className='quiz-rank__name'>{row.org.name}</Text>
        <Text className='muted'>
          {row.participants} 人参与 · 参与率 {formatRate(row.participationRate)}
        </Text>
      </View>
      <View className='quiz-rank__figures'>
        <Text className='quiz-rank__score'>平均 {row.averageBestScore} 分</Text>
      </View>
    </View>
  );
}
