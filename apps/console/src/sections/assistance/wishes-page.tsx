import { WISH_STATUS_LABELS, WISH_STATUSES, type StaffWishView, type WishStatus } from '@jingcai/shared';
import { Button, Table } from 'antd';
import { Select } from '../../components/select';
import { useCallback, useState } from 'react';
import { clickableRow } from '../../components/clickable-row';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { assistanceApi } from '../../services/assistance';
import { WishStatusTag } from './assistance-labels';
import { WishDrawer } from './wish-drawer';
import { WriteWishModal } from './write-wish-modal';

const DONOR_KIND_LABELS = { worker: '职工', enterprise: '企业' } as const;

/** 微心愿: vet what families wrote (publish in safe words, or reject), then follow each wish to 已圆梦. */
export default function WishesPage() {
  const [status, setStatus] = useState<WishStatus>('pending_review');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<StaffWishView | null>(null);
  const [writing, setWriting] = useState(false);
  const load = useCallback(() => assistanceApi.wishes({ status, page, pageSize }), [status, page, pageSize]);
  const list = useRequest(load);

  return (
    <>
      <PageHeader
        title="微心愿"
        sub="审核后发布到心愿墙（只显示姓氏和街道）；爱心人士认领、送达后由工作人员确认圆梦"
        extra={
          <Button type="primary" onClick={() => setWriting(true)}>
            代写心愿
          </Button>
        }
      />
      <Select<WishStatus>
        aria-label="按状态筛选"
        style={{ width: 180, marginBottom: 16 }}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        options={WISH_STATUSES.map((s) => ({ value: s, label: WISH_STATUS_LABELS[s] }))}
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<StaffWishView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无心愿' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        onRow={(w) => clickableRow(() => setOpen(w))}
        columns={[
          { title: '心愿', render: (_, w) => w.originalTitle },
          { title: '价值（元）', dataIndex: 'amountYuan' },
          { title: '职工', render: (_, w) => w.beneficiary.name },
          { title: '所在组织', render: (_, w) => w.beneficiary.org.name },
          { title: '状态', render: (_, w) => <WishStatusTag status={w.status} /> },
          { title: '认领人', render: (_, w) => (w.donor ? `${w.donor.name}（${DONOR_KIND_LABELS[w.donor.kind]}）` : '—') },
          { title: '提交时间', dataIndex: 'createdAt', render: formatTime },
        ]}
      />
      <WishDrawer
        wish={open}
        onClose={() => setOpen(null)}
        onChanged={(next) => {
          setOpen(next);
          list.reload();
        }}
      />
      <WriteWishModal
        open={writing}
        onClose={() => setWriting(false)}
        onDone={() => {
          // A written wish waits for vetting: show that queue.
          setStatus('pending_review');
          list.reload();
        }}
      />
    </>
  );
}
