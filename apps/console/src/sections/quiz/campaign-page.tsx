import { QUESTION_TYPE_LABELS, type CampaignView, type OrgRankView, type PersonRankView } from '@jingcai/shared';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DownloadButton } from '../../components/download-button';
import { ErrorAlert, ErrorResult } from '../../components/page-states';
import { OrgRankTable, PersonRankTable, useScopedRankings } from '../../components/rank-tables';
import { PageHeader } from '../../components/page-header';
import { formatTime, percent } from '../../format';
import { useInterval, useRequest } from '../../hooks/use-request';
import { ApiError, NOT_FOUND_MESSAGE, errorMessage } from '../../services/http';
import { quizApi } from '../../services/quiz';
import { rankingDepth } from '../../session/org-scope';
import { useScope } from '../../session/scope-context';
import { CampaignStatusTag } from './quiz-labels';

/** One campaign: settings, live participation (refreshed every 10 s), leaderboards, publish/end, export. */
export default function CampaignPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { scope } = useScope();

  const loadCampaign = useCallback(async () => {
    // No GET /quiz/campaigns/:id for staff: the managed (scoped) list is the source.
    const found = (await quizApi.campaigns()).find((c) => c.id === id);
    if (!found) throw new ApiError(404, 'NOT_FOUND', NOT_FOUND_MESSAGE);
    return found;
  }, [id]);
  const campaign = useRequest(loadCampaign);
  const loadBanks = useCallback(() => quizApi.banks(), []);
  const banks = useRequest(loadBanks);
  const bankName = (bankId: number) => banks.data?.find((b) => b.id === bankId)?.name ?? `题库 #${bankId}`;

  const loadParticipation = useCallback(() => quizApi.participation(id), [id]);
  const participation = useRequest(loadParticipation);
  const live = campaign.data?.status === 'published';
  useInterval(participation.reload, live ? 10_000 : null);

  if (campaign.error && !campaign.data) return <ErrorResult error={campaign.error} onRetry={campaign.reload} />;
  const c = campaign.data;

  const act = async (action: 'publish' | 'end') => {
    try {
      const updated = await (action === 'publish' ? quizApi.publish(id) : quizApi.end(id));
      campaign.setData(updated);
      void message.success(action === 'publish' ? '已发布' : '活动已结束');
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const p = participation.data;
  const base = (c?.audienceOrg ? scope.orgs.get(c.audienceOrg.id)?.memberCount : undefined) ?? scope.roots.reduce((s, r) => s + r.memberCount, 0);

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/quiz/campaigns">答题活动</Link> }, { title: c?.title ?? '…' }]} style={{ marginBottom: 12 }} />
      <PageHeader
        title={
          <Space>
            {c?.title ?? '答题活动'}
            {c ? <CampaignStatusTag campaign={c} /> : null}
          </Space>
        }
        extra={
          c ? (
            <>
              <Button onClick={() => void navigate(`/quiz/campaigns/${c.id}/edit`)} disabled={c.status === 'ended'}>
                编辑
              </Button>
              {c.status === 'draft' ? (
                <Popconfirm title="发布这个活动？" description="发布后职工即可参与，抽题规则、时长和及格分不能再修改。" okText="发布" cancelText="取消" onConfirm={() => act('publish')}>
                  <Button type="primary">发布</Button>
                </Popconfirm>
              ) : null}
              {c.status === 'published' ? (
                <Popconfirm title="结束这个活动？" description="结束后职工不能再答题，此操作不可撤销。" okText="结束" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => act('end')}>
                  <Button danger>结束活动</Button>
                </Popconfirm>
              ) : null}
              <DownloadButton type="primary" label="导出成绩" run={(onProgress) => quizApi.exportResults(c, onProgress)} />
            </>
          ) : null
        }
      />
      {c ? (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="主办">{c.ownerOrg.name}</Descriptions.Item>
            <Descriptions.Item label="参与范围">{`${c.audienceOrg?.name ?? '全区职工'}${c.membersOnly ? '（仅会员）' : ''}`}</Descriptions.Item>
            <Descriptions.Item label="时间">{`${formatTime(c.startsAt)} 至 ${formatTime(c.endsAt)}`}</Descriptions.Item>
            <Descriptions.Item label="题量与时长">{`${c.questionCount} 题 · ${c.secondsPerAttempt === null ? '不限时' : `${c.secondsPerAttempt} 秒`} · 每天 ${c.attemptsPerDay} 次 · 及格 ${c.passScore} 分`}</Descriptions.Item>
            <Descriptions.Item label="抽题规则" span={2}>
              <Space wrap>
                {c.draw.map((d, i) => (
                  <Tag key={i}>{`${bankName(d.bankId)} · ${QUESTION_TYPE_LABELS[d.type]} ${d.count} 道`}</Tag>
                ))}
              </Space>
            </Descriptions.Item>
            {c.rules ? (
              <Descriptions.Item label="规则" span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.rules}</Typography.Paragraph>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
      ) : null}

      <Card title={live ? '实时参与（每 10 秒刷新）' : '参与情况'} style={{ marginBottom: 16 }}>
        <ErrorAlert error={participation.error} onRetry={participation.reload} />
        <Row gutter={16}>
          <Col xs={12} md={5}><Statistic title="参与人数" value={p?.participants ?? 0} loading={!p && participation.loading} /></Col>
          <Col xs={12} md={5}><Statistic title="参与率" value={p && base ? percent(p.participants / base) : '—'} /></Col>
          <Col xs={12} md={5}><Statistic title="答题次数" value={p?.attempts ?? 0} /></Col>
          <Col xs={12} md={5}><Statistic title="及格人数" value={p?.passed ?? 0} /></Col>
          <Col xs={12} md={4}><Statistic title="平均最好成绩" value={p?.averageBestScore ?? 0} precision={1} /></Col>
        </Row>
      </Card>

      {c && c.status !== 'draft' ? <Leaderboards campaign={c} /> : null}
    </>
  );
}

function Leaderboards({ campaign }: { campaign: CampaignView }) {
  const { scope } = useScope();
  const depth = rankingDepth(scope);
  const loadPeople = useCallback(() => quizApi.people(campaign.id), [campaign.id]);
  const loadOrgs = useCallback(() => quizApi.orgs(campaign.id, depth), [campaign.id, depth]);
  const { people, orgs, peopleRows, orgRows } = useScopedRankings(loadPeople, loadOrgs);

  return (
    <Card title="排行榜">
      <Tabs
        items={[
          {
            key: 'person',
            label: '个人排名',
            children: (
              <PersonRankTable<PersonRankView>
                request={people}
                rows={peopleRows}
                emptyText="暂无成绩"
                figures={[
                  { title: '最好成绩', dataIndex: 'bestScore' },
                  { title: '用时（秒）', dataIndex: 'durationSeconds' },
                ]}
              />
            ),
          },
          {
            key: 'org',
            label: '组织排名',
            children: (
              <OrgRankTable<OrgRankView>
                request={orgs}
                rows={orgRows}
                figures={[{ title: '平均最好成绩', dataIndex: 'averageBestScore', render: (v: number) => v.toFixed(1) }]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
