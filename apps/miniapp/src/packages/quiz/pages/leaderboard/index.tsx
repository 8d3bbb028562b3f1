import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import type { LeaderboardView, OrgRankView, PersonRankView } from '@jingcai/shared';
import Leaderboard, { rankRows, type RankRow, type RankScope } from '../../../../components/leaderboard';
import { orgLeaderboard, personLeaderboard } from '../../../../services/quiz';
import { formatDuration, formatRate } from '../../quiz-format';

const EMPTY = { person: '还没有人参加，快来争第一', org: '还没有组织参加' } as const;

/** A campaign's rankings, by person (best score, then time) or by org (participation), with my row pinned. */
export default function LeaderboardPage() {
  const { params } = useRouter();
  const campaignId = Number(params.campaignId);
  const load = useCallback(
    async (scope: RankScope): Promise<LeaderboardView<RankRow>> =>
      scope === 'person'
        ? rankRows(await personLeaderboard(campaignId), personRow)
        : rankRows(await orgLeaderboard(campaignId), orgRow),
    [campaignId],
  );
  return <Leaderboard orgLabel='组织' load={load} emptyMessages={EMPTY} />;
}

function personRow(row: PersonRankView): RankRow {
  return {
    key: row.userId,
    rank: row.rank,
    name: row.name,
    detail: row.org ?? '未填写组织',
    figure: `${row.bestScore} 分`,
    subFigure: `用时 ${formatDuration(row.durationSeconds)}`,
  };
}

function orgRow(row: OrgRankView): RankRow {
  return {
    key: row.org.id,
    rank: row.rank,
    name: row.org.name,
    detail: `${row.participants} 人参与 · 参与率 ${formatRate(row.participationRate)}`,
    figure: `平均 ${row.averageBestScore} 分`,
  };
}
