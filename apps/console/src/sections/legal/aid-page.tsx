import {
  AID_KIND_LABELS,
  AID_STATUS_LABELS,
  AID_STATUSES,
  AID_TRANSITIONS,
  type AidApplicationView,
  type AidStatus,
} from '@jingcai/shared';
import { App, Button, Descriptions, Drawer, Form, Image, Input, Popconfirm, Space, Table, Tag, Timeline } from 'antd';
import { Select } from '../../components/select';
import { useCallback, useState } from 'react';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { legalApi } from '../../services/legal';
import { clickableRow } from '../../components/clickable-row';

const STATUS_COLORS: Record<AidStatus, string> = {
  received: 'gold',
  accepted: 'blue',
  declined: 'default',
  in_progress: 'processing',
  concluded: 'green',
};

/** Legal-aid and mediation applications of the subtree, moved along their fixed steps. */
export default function AidPage() {
  const [status, setStatus] = useState<AidStatus | undefined>('received');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<AidApplicationView | null>(null);
  const load = useCallback(() => legalApi.aid({ status, page, pageSize }), [status, page, pageSize]);
  const list = useRequest(load);

  return (
    <>
      <PageHeader title="法律援助与调解" sub="职工在小程序中提交的法律援助、劳动争议调解申请" />
      <Select<AidStatus>
        allowClear
        aria-label="按状态筛选"
        placeholder="全部状态"
        style={{ width: 160, marginBottom: 16 }}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={AID_STATUSES.map((s) => ({ value: s, label: AID_STATUS_LABELS[s] }))}
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<AidApplicationView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无申请' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        onRow={(a) => clickableRow(() => setOpen(a))}
        columns={[
          { title: '类型', render: (_, a) => AID_KIND_LABELS[a.kind] },
          { title: '申请人', render: (_, a) => a.applicant.name },
          { title: '所在组织', render: (_, a) => a.applicant.org?.name ?? '—' },
          { title: '用人单位', dataIndex: 'employer' },
          { title: '争议金额（元）', dataIndex: 'amountInDispute', render: (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2 }) },
          { title: '状态', render: (_, a) => <Tag color={STATUS_COLORS[a.status]}>{AID_STATUS_LABELS[a.status]}</Tag> },
          { title: '申请时间', dataIndex: 'createdAt', render: formatTime },
        ]}
      />
      <AidDrawer
        application={open}
        onClose={() => setOpen(null)}
        onChanged={(next) => {
          setOpen(next);
          list.reload();
        }}
      />
    </>
  );
}

function AidDrawer({
  application: a,
  onClose,
  onChanged,
}: {
  application: AidApplicationView | null;
  onClose: () => void;
  onChanged: (a: AidApplicationView) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status: AidStatus; note?: string }>();
  const next = Form.useWatch('status', form);
  const [busy, setBusy] = useState(false);
  const choices = a ? AID_TRANSITIONS[a.status] : [];

  const change = async () => {
    if (!a) return;
    const values = await form.validateFields();
    setBusy(true);
    try {
      const updated = await legalApi.changeAid(a.id, { status: values.status, note: values.note?.trim() || undefined });
      void message.success(`已更新为「${AID_STATUS_LABELS[values.status]}」，申请人会收到通知`);
      form.resetFields();
      onChanged(updated);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer title={a ? `${AID_KIND_LABELS[a.kind]}申请 · ${a.applicant.name}` : ''} open={!!a} onClose={onClose} width={600} destroyOnHidden>
      {a ? (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="状态">
              <Tag color={STATUS_COLORS[a.status]}>{AID_STATUS_LABELS[a.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="申请人">{a.applicant.name}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{a.applicant.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="所在组织">{a.applicant.org?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="用人单位">{a.employer}</Descriptions.Item>
            <Descriptions.Item label="争议金额">{`${a.amountInDispute.toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`}</Descriptions.Item>
            <Descriptions.Item label="事实与请求">
              <div style={{ whiteSpace: 'pre-wrap' }}>{a.facts}</div>
            </Descriptions.Item>
          </Descriptions>
          {a.photos.length ? (
            <Image.PreviewGroup>
              <Space wrap style={{ marginTop: 12 }}>
                {a.photos.map((p) => (
                  <Image key={p.id} src={p.url} width={96} height={96} style={{ objectFit: 'cover' }} alt="证据材料" />
                ))}
              </Space>
            </Image.PreviewGroup>
          ) : null}
          <Timeline
            style={{ marginTop: 24 }}
            items={a.steps.map((s) => ({
              children: `${formatTime(s.at)} ${AID_STATUS_LABELS[s.status]}${s.note ? `：${s.note}` : ''}`,
            }))}
          />
          {choices.length ? (
            <Form key={`${a.id}-${a.status}`} form={form} layout="vertical" initialValues={{ status: choices[0] }}>
              <Form.Item name="status" label="下一步" rules={[{ required: true }]}>
                <Select options={choices.map((s) => ({ value: s, label: AID_STATUS_LABELS[s] }))} />
              </Form.Item>
              <Form.Item
                name="note"
                label={next === 'declined' ? '不予受理的理由（申请人可见）' : '说明（可选，申请人可见）'}
                rules={[{ required: next === 'declined', whitespace: true, message: '不予受理时必须说明理由' }, { max: 500 }]}
              >
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
              <Popconfirm title={`更新为「${next ? AID_STATUS_LABELS[next] : ''}」？`} description="状态只能向前推进，不能撤回。" okText="确定" cancelText="取消" onConfirm={change}>
                <Button type="primary" loading={busy} danger={next === 'declined'}>
                  更新状态
                </Button>
              </Popconfirm>
            </Form>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
