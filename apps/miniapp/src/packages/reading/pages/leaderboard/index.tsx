import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import type { LeaderboardView, ReaderRankView, ReadingOrgRankView } from '@jingcai/shared';
import Leaderboard, { rankRows, type RankRow, type RankScope } from '../../../../components/leaderboard';
import { orgReadingLeaderboard, readerLeaderboard } from '../../../../services/reading';
import { formatRate } from '../../reading-format';

const EMPTY = { person: '还没有人打卡，快来争第一', org: '还没有单位参与' } as const;

/** The season's rankings, by reader (days, then longest streak) or by org (participation), with my row pinned. */
export default function ReadingLeaderboardPage() {
  const { params } = useRouter();
  const seasonId = Number(params.seasonId);
  const load = useCallback(
    async (scope: RankScope): Promise<LeaderboardView<RankRow>> =>
      scope === 'person'
        ? rankRows(await readerLeaderboard(seasonId), readerRow)
        : rankRows(await orgReadingLeaderboard(seasonId), orgRow),
    [seasonId],
  );
  return <Leaderboard orgLabel='单位' load={load} emptyMessages={EMPTY} />;
}

function readerRow(row: ReaderRankView): RankRow {
  return {
    key: row.userId,
    rank: row.rank,
    name: row.name,
    detail: row.org ?? '未填写单位',
    figure: `${row.days} 天`,
    subFigure: `最长连续 ${row.longestStreak} 天`,
  };
}

function orgRow(row: ReadingOrgRankView): RankRow {
  return {
    key: row.org.id,
    rank: row.rank,
    name: row.org.name,
    detail: `${row.participants} / ${row.memberCount} 人参与`,
    figure: `参与率 ${formatRate(row.participationRate)}`,
    subFigure: `共 ${row.totalMinutes} 分钟`,
  };
}
