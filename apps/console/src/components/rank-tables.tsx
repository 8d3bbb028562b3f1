import type { LeaderboardView, OrgSummary } from '@jingcai/shared';
import { Table, type TableColumnsType } from 'antd';
import { percent } from '../format';
import { useRequest, type RequestState } from '../hooks/use-request';
import { useScope } from '../session/scope-context';
import { ErrorAlert } from './page-states';

/** What a person row of any programme's board has (quiz campaigns, reading seasons). */
interface PersonRank {
  rank: number;
  userId: number;
  name: string;
  org: string | null;
}

/** What an org row of any programme's board has. */
interface OrgRank {
  rank: number;
  org: OrgSummary;
  participants: number;
  memberCount: number;
  participationRate: number;
}

/**
 * A programme's two boards as staff see them. The leaderboard routes serve workers district-wide, so staff
 * only see the rows of their own subtree. Keep the loaders stable (useCallback).
 */
export function useScopedRankings<P extends PersonRank, O extends OrgRank>(
  loadPeople: () => Promise<LeaderboardView<P>>,
  loadOrgs: () => Promise<LeaderboardView<O>>,
) {
  const { scope } = useScope();
  const people = useRequest(loadPeople);
  const orgs = useRequest(loadOrgs);
  return {
    people,
    orgs,
    peopleRows: (people.data?.top ?? []).filter((r) => scope.all || (r.org !== null && scope.names.has(r.org))),
    orgRows: (orgs.data?.top ?? []).filter((r) => scope.contains(r.org.id)),
  };
}

interface RankTableProps<Row> {
  request: Pick<RequestState<unknown>, 'error' | 'loading' | 'reload'>;
  rows: Row[];
  /** The programme's own figures, after the columns every board has. */
  figures: TableColumnsType<Row>;
}

/** 名次, 姓名, 组织, then the programme's figures. */
export function PersonRankTable<Row extends PersonRank>({ request, rows, figures, emptyText }: RankTableProps<Row> & { emptyText: string }) {
  return (
    <>
      <ErrorAlert error={request.error} onRetry={request.reload} />
      <Table<Row>
        rowKey="userId"
        size="small"
        loading={request.loading}
        dataSource={rows}
        locale={{ emptyText }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 70 },
          { title: '姓名', dataIndex: 'name' },
          { title: '组织', dataIndex: 'org', render: (v: string | null) => v ?? '—' },
          ...figures,
        ]}
      />
    </>
  );
}

/** 名次, 组织, 参与人数, 职工人数, 参与率, then the programme's figures. */
export function OrgRankTable<Row extends OrgRank>({ request, rows, figures }: RankTableProps<Row>) {
  return (
    <>
      <ErrorAlert error={request.error} onRetry={request.reload} />
      <Table<Row>
        rowKey={(r) => r.org.id}
        size="small"
        loading={request.loading}
        dataSource={rows}
        locale={{ emptyText: '暂无组织数据' }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 70 },
          { title: '组织', render: (_, r) => r.org.name },
          { title: '参与人数', dataIndex: 'participants' },
          { title: '职工人数', dataIndex: 'memberCount' },
          { title: '参与率', dataIndex: 'participationRate', render: (v: number) => percent(v) },
          ...figures,
        ]}
      />
    </>
  );
}
