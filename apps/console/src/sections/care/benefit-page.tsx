import { AMENITY_LABELS, BENEFIT_KIND_LABELS, USER_TAG_LABELS, WORKER_CATEGORY_LABELS, type StationStatsView } from '@jingcai/shared';
import { Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Statistic, Table } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Chart } from '../../components/chart';
import { DownloadButton } from '../../components/download-button';
import { ErrorAlert, ErrorResult } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { careApi } from '../../services/care';
import { claimWindowTag } from './benefits-page';
import { StockModal } from './stock-modal';

/** One benefit: its rules, stock and top-ups, and claims / redemptions per pickup station. */
export default function BenefitPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const load = useCallback(() => careApi.benefit(id), [id]);
  const benefit = useRequest(load);
  const loadStats = useCallback(() => careApi.stats(id), [id]);
  const stats = useRequest(loadStats);
  const [topUp, setTopUp] = useState(false);

  if (benefit.error && !benefit.data) return <ErrorResult error={benefit.error} onRetry={benefit.reload} />;
  const b = benefit.data;
  const totals = (stats.data ?? []).reduce(
    (sum, s) => ({ claimed: sum.claimed + s.claimed, redeemed: sum.redeemed + s.redeemed }),
    { claimed: 0, redeemed: 0 },
  );

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/care/benefits">福利发放</Link> }, { title: b?.title ?? '…' }]} style={{ marginBottom: 12 }} />
      <PageHeader
        title={
          <Space>
            {b?.title ?? '福利'}
            {b ? claimWindowTag(b) : null}
          </Space>
        }
        extra={
          b ? (
            <>
              <DownloadButton label="导出领取记录" run={(onProgress) => careApi.exportClaims(b, onProgress)} />
              <Button onClick={() => void navigate(`/care/benefits/${b.id}/edit`)}>编辑</Button>
              <Button type="primary" onClick={() => setTopUp(true)}>
                调整库存
              </Button>
            </>
          ) : null
        }
      />
      {b ? (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}><Card size="small"><Statistic title="总库存" value={b.totalStock} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="剩余库存" value={b.remainingStock} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="待领取" value={totals.claimed} loading={stats.loading && !stats.data} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="已核销" value={totals.redeemed} loading={stats.loading && !stats.data} /></Card></Col>
          </Row>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="类型">{BENEFIT_KIND_LABELS[b.kind]}</Descriptions.Item>
              <Descriptions.Item label="管理组织">{b.ownerOrg.name}</Descriptions.Item>
              <Descriptions.Item label="领取时间">{`${formatTime(b.claimStartsAt)} 至 ${formatTime(b.claimEndsAt)}`}</Descriptions.Item>
              <Descriptions.Item label="到站领取截止">{formatTime(b.pickupDeadline)}</Descriptions.Item>
              <Descriptions.Item label="每人限领">{b.perPersonLimit}</Descriptions.Item>
              <Descriptions.Item label="领取条件">
                {[
                  b.eligibility.categories.length ? b.eligibility.categories.map((c) => WORKER_CATEGORY_LABELS[c]).join('、') : '不限类别',
                  b.eligibility.tags.length ? `标签：${b.eligibility.tags.map((t) => USER_TAG_LABELS[t]).join('、')}` : null,
                  b.eligibility.gigVerifiedRequired ? '需新就业形态认证' : null,
                  b.eligibility.membersOnly ? '仅限会员' : null,
                ]
                  .filter(Boolean)
                  .join('；')}
              </Descriptions.Item>
              <Descriptions.Item label="说明" span={2}>
                {b.description}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="各站点领取与核销">
            <ErrorAlert error={stats.error} onRetry={stats.reload} />
            {stats.data && stats.data.length ? (
              <div style={{ marginBottom: 16 }}>
                <Chart
                  title="各站点核销数量"
                  categoryTitle="站点"
                  height={Math.min(400, stats.data.length * 32 + 40)}
                  data={{
                    categories: stats.data.map((s) => s.station.name),
                    series: [{ name: '已核销', kind: 'bar', values: stats.data.map((s) => s.redeemed) }],
                    horizontal: true,
                  }}
                />
              </div>
            ) : null}
            <Table<StationStatsView>
              rowKey={(s) => s.station.id}
              loading={stats.loading}
              dataSource={stats.data ?? []}
              pagination={false}
              locale={{ emptyText: '暂无领取记录' }}
              columns={[
                { title: '站点', render: (_, s) => s.station.name },
                { title: '待领取', dataIndex: 'claimed' },
                { title: '已核销', dataIndex: 'redeemed' },
                { title: '已取消', dataIndex: 'cancelled' },
                { title: '已过期', dataIndex: 'expired' },
              ]}
            />
            <p style={{ marginTop: 12, color: '#595959' }}>
              领取站点：{b.stations.map((s) => `${s.name}（${s.amenities.map((a) => AMENITY_LABELS[a]).join('、') || '—'}）`).join('；')}
            </p>
          </Card>
        </>
      ) : null}
      <StockModal
        benefit={topUp ? (b ?? null) : null}
        onClose={() => setTopUp(false)}
        onChanged={(updated) => {
          setTopUp(false);
          benefit.setData(updated);
        }}
      />
    </>
  );
}
