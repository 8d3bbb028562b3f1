import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Statistic, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { BarChart } from '../../components/bar-chart';
import { PageHeader } from '../../components/page-header';
import { percent } from '../../format';
import { useInterval, useRequest } from '../../hooks/use-request';
import { useScope } from '../../session/scope-context';
import { loadDashboard } from './dashboard-data';

function Figure({ title, value, to, danger }: { title: string; value: number | Error | undefined; to: string; danger?: boolean }) {
  let content: ReactNode;
  if (value instanceof Error) {
    content = (
      <Tooltip title={value.message}>
        <Statistic title={title} value="—" />
      </Tooltip>
    );
  } else {
    content = (
      <Statistic
        title={title}
        value={value ?? 0}
        loading={value === undefined}
        valueStyle={danger && value ? { color: '#cf1322' } : undefined}
      />
    );
  }
  return (
    <Card size="small" hoverable>
      <Link to={to} style={{ color: 'inherit' }}>
        {content}
      </Link>
    </Card>
  );
}

/** The staff member's subtree at a glance; figures refresh every minute while the page is open. */
export default function DashboardPage() {
  const { scope } = useScope();
  const load = useCallback(() => loadDashboard(), []);
  const { data, loading, reload } = useRequest(load);
  useInterval(reload, 60_000);

  const members = scope.roots.reduce((sum, root) => sum + root.memberCount, 0);
  const memberCountOf = (orgId: number | null | undefined) =>
    (orgId != null ? scope.orgs.get(orgId)?.memberCount : undefined) ?? members;

  const live = data?.liveCampaigns;
  const benefits = data?.benefits;

  return (
    <>
      <PageHeader
        title="工作台"
        sub={scope.all ? '全区数据' : `${scope.roots.map((r) => r.name).join('、')}及下级组织`}
        extra={
          <Button icon={<ReloadOutlined />} loading={loading} onClick={reload}>
            刷新
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title="职工人数（组织登记）" value={members} />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure title="待审核入会申请" value={data?.pendingApplications} to="/members/applications" danger />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure title="进行中的答题活动" value={live instanceof Error ? live : live?.length} to="/quiz/campaigns" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure title="今日核销" value={data?.redemptionsToday} to="/care/redemptions" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure title="超期未答复咨询" value={data?.overdueQuestions} to="/legal/inbox?overdue=true" danger />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Figure title="待审核内容" value={data?.pendingModeration} to="/moderation" danger />
        </Col>
      </Row>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card title="答题活动参与情况" loading={!data}>
            {live instanceof Error ? (
              <Alert type="error" showIcon message={live.message} />
            ) : live && live.length ? (
              <BarChart
                ariaLabel="答题活动参与人数"
                bars={live.map(({ campaign, participation }) => {
                  const participants = participation?.participants ?? 0;
                  const base = memberCountOf(campaign.audienceOrg?.id);
                  return {
                    label: campaign.title,
                    value: participants,
                    text: `${participants} 人 · ${percent(base ? participants / base : 0)}`,
                  };
                })}
              />
            ) : (
              <Empty description="暂无进行中的答题活动" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="福利库存" loading={!data}>
            {benefits instanceof Error ? (
              <Alert type="error" showIcon message={benefits.message} />
            ) : benefits && benefits.length ? (
              <BarChart
                ariaLabel="福利剩余库存"
                bars={benefits.slice(0, 10).map((b) => ({
                  label: b.title,
                  value: b.remainingStock,
                  text: `剩余 ${b.remainingStock} / ${b.totalStock}`,
                }))}
              />
            ) : (
              <Empty description="暂无本组织管理的福利" />
            )}
          </Card>
        </Col>
      </Row>
      {data && !(data.unassignedQuestions instanceof Error) && data.unassignedQuestions > 0 ? (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          message={<Link to="/legal/inbox?status=new">有 {data.unassignedQuestions} 条法律咨询等待分配</Link>}
        />
      ) : null}
    </>
  );
}
