import { FullscreenOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Space, Statistic, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { Chart } from '../../components/chart';
import { PageHeader } from '../../components/page-header';
import { useInterval, useRequest } from '../../hooks/use-request';
import { useScope } from '../../session/scope-context';
import { QuizPanel, ReadingPanel } from './activity-panels';
import { loadDashboard } from './dashboard-data';
import { CarePanel, LegalPanel } from './service-panels';

/** The trend windows staff pick from (days). */
const SPANS = [7, 30, 90];
const REFRESH_MS = 60_000;

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

/**
 * The staff member's subtree at a glance: today's work, then trends over the chosen window and
 * participation by org. Everything refreshes every minute while the page is open.
 */
export default function DashboardPage() {
  const { scope } = useScope();
  const load = useCallback(() => loadDashboard(), []);
  const { data, loading, reload } = useRequest(load);
  const [days, setDays] = useState(30);
  const [round, setRound] = useState(0);
  const refresh = useCallback(() => {
    reload();
    setRound((n) => n + 1);
  }, [reload]);
  useInterval(refresh, REFRESH_MS);

  const members = scope.roots.reduce((sum, root) => sum + root.memberCount, 0);
  const benefits = data?.benefits;

  return (
    <>
      <PageHeader
        title="工作台"
        sub={scope.all ? '全区数据' : `${scope.roots.map((r) => r.name).join('、')}及下级组织`}
        extra={
          <Space wrap>
            <Segmented
              aria-label="统计时间范围"
              value={days}
              onChange={(value) => setDays(Number(value))}
              options={SPANS.map((n) => ({ label: `近${n}天`, value: n }))}
            />
            <Link to="/screen">
              <Button icon={<FullscreenOutlined />}>数据大屏</Button>
            </Link>
            <Button icon={<ReloadOutlined />} loading={loading} onClick={refresh}>
              刷新
            </Button>
          </Space>
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
          <Figure title="进行中的答题活动" value={data?.liveCampaigns} to="/quiz/campaigns" />
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
        <Col span={24}>
          <QuizPanel days={days} round={round} />
        </Col>
        <Col span={24}>
          <ReadingPanel days={days} round={round} />
        </Col>
        <Col xs={24} xl={12}>
          <CarePanel days={days} round={round} />
        </Col>
        <Col xs={24} xl={12}>
          <LegalPanel round={round} />
        </Col>
        <Col xs={24} xl={12}>
          <Card title="福利库存" loading={!data}>
            {benefits instanceof Error ? (
              <Alert type="error" showIcon message={benefits.message} />
            ) : benefits && benefits.length ? (
              <Chart
                title="福利剩余库存"
                categoryTitle="福利"
                height={Math.min(400, benefits.slice(0, 10).length * 32 + 40)}
                data={{
                  categories: benefits.slice(0, 10).map((b) => b.title),
                  series: [{ name: '剩余', kind: 'bar', values: benefits.slice(0, 10).map((b) => b.remainingStock) }],
                  horizontal: true,
                }}
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
