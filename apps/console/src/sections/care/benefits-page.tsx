import { BENEFIT_KIND_LABELS, type BenefitView } from '@jingcai/shared';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DownloadButton } from '../../components/download-button';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { careApi } from '../../services/care';
import { StockModal } from './stock-modal';

export function claimWindowTag(b: BenefitView, now = Date.now()) {
  if (now < Date.parse(b.claimStartsAt)) return <Tag color="blue">未开始</Tag>;
  if (now > Date.parse(b.claimEndsAt)) return <Tag>已截止</Tag>;
  return <Tag color="green">领取中</Tag>;
}

/** Benefits owned in the staff member's subtree, with stock at a glance and top-ups at hand. */
export default function BenefitsPage() {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [topUp, setTopUp] = useState<BenefitView | null>(null);
  const load = useCallback(() => careApi.benefits(page, pageSize), [page, pageSize]);
  const list = useRequest(load);

  return (
    <>
      <PageHeader
        title="福利发放"
        sub="暖新礼包、夏送清凉、免费体检等；库存与领取情况实时统计"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/care/benefits/new')}>
            新建福利
          </Button>
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<BenefitView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无本组织管理的福利' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: '名称', render: (_, b) => <Link to={`/care/benefits/${b.id}`}>{b.title}</Link> },
          { title: '类型', render: (_, b) => BENEFIT_KIND_LABELS[b.kind] },
          { title: '主办', render: (_, b) => b.ownerOrg.name },
          { title: '领取时间', render: (_, b) => `${formatTime(b.claimStartsAt)} 至 ${formatTime(b.claimEndsAt)}` },
          { title: '状态', render: (_, b) => claimWindowTag(b) },
          {
            title: '库存（剩余 / 总量）',
            render: (_, b) => (
              <Space direction="vertical" size={0} style={{ minWidth: 140 }}>
                <span>
                  {b.remainingStock} / {b.totalStock}
                </span>
                <Progress percent={b.totalStock ? Math.round((b.remainingStock / b.totalStock) * 100) : 0} size="small" showInfo={false} aria-label={`剩余库存 ${b.remainingStock} / ${b.totalStock}`} />
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_, b) => (
              <Space>
                <Link to={`/care/benefits/${b.id}`}>统计</Link>
                <Button type="link" size="small" onClick={() => setTopUp(b)}>
                  调整库存
                </Button>
                <DownloadButton type="link" size="small" label="导出领取记录" run={(onProgress) => careApi.exportClaims(b, onProgress)} />
              </Space>
            ),
          },
        ]}
      />
      <StockModal
        benefit={topUp}
        onClose={() => setTopUp(null)}
        onChanged={() => {
          setTopUp(null);
          list.reload();
        }}
      />
    </>
  );
}
