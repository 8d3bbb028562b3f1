import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { LeaderboardView } from '@jingcai/shared';
import { useRequest } from '../../hooks/use-request';
import Choice from '../choice';
import StatusView from '../status-view';
import { pageClass } from '../../hooks/use-care-mode';
import './index.css';

export type RankScope = 'person' | 'org';

/** One row as the board shows it: who, and the figures the programme ranks by. */
export interface RankRow {
  key: number;
  rank: number;
  name: string;
  detail: string;
  figure: string;
  subFigure?: string;
}

/** A programme's board turned into rows, top and mine alike. */
export function rankRows<T>(view: LeaderboardView<T>, toRow: (row: T) => RankRow): LeaderboardView<RankRow> {
  return { top: view.top.map(toRow), me: view.me && toRow(view.me) };
}

interface LeaderboardProps {
  /** What an org is called here: 组织 for campaigns, 单位 for the reading season. */
  orgLabel: string;
  /** Fetches one scope's board as rows; keep it stable (useCallback) so it runs only when its input changes. */
  load: (scope: RankScope) => Promise<LeaderboardView<RankRow>>;
  emptyMessages: Readonly<Record<RankScope, string>>;
}

/** A programme's rankings, by person or by org, with my row pinned under the top. */
export default function Leaderboard({ orgLabel, load, emptyMessages }: LeaderboardProps) {
  const [scope, setScope] = useState<RankScope>('person');
  const fetchBoard = useCallback(async () => ({ scope, view: await load(scope) }), [load, scope]);
  const { data: board, status, retry } = useRequest(fetchBoard, { pullDownRefresh: true });

  const tabs: readonly { scope: RankScope; label: string }[] = [
    { scope: 'person', label: '个人' },
    { scope: 'org', label: orgLabel },
  ];
  return (
    <View className={pageClass('page leaderboard')}>
      <View className='leaderboard__tabs' role='tablist' aria-label='排行范围'>
        {tabs.map((tab) => (
          <Choice
            key={tab.scope}
            role='tab'
            className='leaderboard__tab'
            selectedClassName='leaderboard__tab--active'
            selected={tab.scope === scope}
            onSelect={() => setScope(tab.scope)}
          >
            {tab.label}
          </Choice>
        ))}
      </View>
      {status !== 'ready' || !board || board.scope !== scope ? (
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      ) : (
        <>
          {board.view.top.length === 0 ? (
            <StatusView status='empty' message={emptyMessages[scope]} />
          ) : (
            <View className='card leaderboard__list'>
              {board.view.top.map((row) => (
                <Row key={row.key} row={row} />
              ))}
            </View>
          )}
          {board.view.me && (
            <View className='card leaderboard__me'>
              <Text className='leaderboard__me-title'>
                {scope === 'person' ? '我的排名' : `我的${orgLabel}`} 第 {board.view.me.rank} 名
              </Text>
              <Row row={board.view.me} />
            </View>
          )}
        </>
      )}
    </View>
  );
}

function Row({ row }: { row: RankRow }) {
  return (
    <View className='rank-row'>
      <Text className={`rank-row__rank${row.rank <= 3 ? ' rank-row__rank--top' : ''}`}>{row.rank}</Text>
      <View className='rank-row__who'>
        <Text className='rank-row__name'>{row.name}</Text>
        <Text className='muted'>{row.detail}</Text>
      </View>
      <View className='rank-row__figures'>
        <Text className='rank-row__score'>{row.figure}</Text>
        {row.subFigure !== undefined && <Text className='muted'>{row.subFigure}</Text>}
      </View>
    </View>
  );
}
