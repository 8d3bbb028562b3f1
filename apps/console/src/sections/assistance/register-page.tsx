import { ASSISTANCE_NOTE_MAX, type RegisterEntryView, type RegisterStatus } from '@jingcai/shared';
import { Button, Checkbox, Flex, Form, Input, Radio, Table, Tag } from 'antd';
import { Select } from '../../components/select';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatDay, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { assistanceApi } from '../../services/assistance';
import { AddToRegisterModal } from './add-to-register-modal';
import { FormModal } from './form-modal';

const REGISTER_STATUS_LABELS: Record<RegisterStatus, string> = { active: '在档', closed: '已脱困' };

/** 困难职工档案 (建档): the families on the register and their yearly review, due ones marked. */
export default function RegisterPage() {
  const [status, setStatus] = useState<RegisterStatus | undefined>('active');
  const [dueOnly, setDueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [reviewing, setReviewing] = useState<RegisterEntryView | null>(null);
  const [adding, setAdding] = useState(false);
  const load = useCallback(
    () => assistanceApi.register({ status, dueOnly: dueOnly || undefined, page, pageSize }),
    [status, dueOnly, page, pageSize],
  );
  const list = useRequest(load);

  return (
    <>
      <PageHeader
        title="困难职工档案"
        sub="建档家庭每年复核一次；到期未复核的会提醒所在工会"
        extra={
          <Button type="primary" onClick={() => setAdding(true)}>
            新增建档
          </Button>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select<RegisterStatus>
          allowClear
          aria-label="按档案状态筛选"
          placeholder="全部"
          style={{ width: 140 }}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={(['active', 'closed'] as const).map((s) => ({ value: s, label: REGISTER_STATUS_LABELS[s] }))}
        />
        <Checkbox
          checked={dueOnly}
          onChange={(event) => {
            setDueOnly(event.target.checked);
            setPage(1);
          }}
        >
          只看待复核
        </Checkbox>
      </Flex>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<RegisterEntryView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无建档家庭' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: '职工', dataIndex: 'name' },
          { title: '所在组织', render: (_, e) => e.org.name },
          { title: '状态', render: (_, e) => REGISTER_STATUS_LABELS[e.status] },
          { title: '建档日期', dataIndex: 'registeredAt', render: formatDay },
          {
            title: '复核到期',
            render: (_, e) => (
              <>
                {formatDay(e.reviewDueAt)} {e.reviewOverdue && e.status === 'active' && <Tag color="red">待复核</Tag>}
              </>
            ),
          },
          { title: '上次复核', dataIndex: 'lastReviewedAt', render: formatDay },
          {
            title: '来源',
            render: (_, e) => (e.applicationId ? <Link to={`/assistance/applications/${e.applicationId}`}>申请 {e.applicationId}</Link> : '工会建档'),
          },
          {
            title: '操作',
            render: (_, e) =>
              e.status === 'active' ? (
                <Button size="small" aria-label={`年度复核 ${e.name}`} onClick={() => setReviewing(e)}>
                  年度复核
                </Button>
              ) : null,
          },
        ]}
      />
      {reviewing && <ReviewModal entry={reviewing} onClose={() => setReviewing(null)} onDone={list.reload} />}
      <AddToRegisterModal open={adding} onClose={() => setAdding(false)} onDone={list.reload} />
    </>
  );
}

/** Mounted while open, so it always has its entry (and its title). */
function ReviewModal({ entry, onClose, onDone }: { entry: RegisterEntryView; onClose: () => void; onDone: () => void }) {
  const submit = async (v: { stillInHardship: boolean; note?: string }) => {
    await assistanceApi.reviewRegister(entry.id, { stillInHardship: v.stillInHardship, note: v.note?.trim() || undefined });
    onDone();
    return v.stillInHardship ? '已复核，继续在档' : '已复核，移出档案';
  };
  return (
    <FormModal
      title={`年度复核 · ${entry.name}`}
      open
      okText="确认复核"
      onClose={onClose}
      submit={submit}
      initialValues={{ stillInHardship: true }}
    >
      <Form.Item name="stillInHardship" label="复核结论">
        <Radio.Group
          options={[
            { value: true, label: '仍然困难，继续在档' },
            { value: false, label: '已脱困，移出档案' },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label="复核说明（内部记录）" rules={[{ max: ASSISTANCE_NOTE_MAX }]}>
        <Input.TextArea rows={3} maxLength={ASSISTANCE_NOTE_MAX} />
      </Form.Item>
    </FormModal>
  );
}
