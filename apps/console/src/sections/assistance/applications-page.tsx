import {
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_KINDS,
  ASSISTANCE_STATUS_LABELS,
  ASSISTANCE_STATUSES,
  REVIEW_STEP_LABELS,
  type AssistanceKind,
  type AssistanceStatus,
  type StaffApplicationSummary,
} from '@jingcai/shared';
import { Button, Flex, Table, Tag } from 'antd';
import { Select } from '../../components/select';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { clickableRow } from '../../components/clickable-row';
import { DownloadButton } from '../../components/download-button';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { assistanceApi } from '../../services/assistance';
import { useSession } from '../../session/session-context';
import { ApplyForWorkerModal } from './apply-for-worker-modal';
import { ApplicationStatusTag } from './assistance-labels';

/** 帮扶申请: the subtree's applications by step, those waiting on the viewer marked; a row opens the review. */
export default function ApplicationsPage() {
  const navigate = useNavigate();
  const { consoleRole } = useSession();
  const [status, setStatus] = useState<AssistanceStatus | undefined>();
  const [kind, setKind] = useState<AssistanceKind | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [applying, setApplying] = useState(false);
  const load = useCallback(
    () => assistanceApi.applications({ status, kind, page, pageSize }),
    [status, kind, page, pageSize],
  );
  const list = useRequest(load);
  const first = () => setPage(1);

  return (
    <>
      <PageHeader
        title="帮扶申请"
        sub="所在工会核实走访 → 街道审批 → 区总工会发放；申请内容加密保存，每次查看都会记录"
        extra={
          <>
            <Button type="primary" onClick={() => setApplying(true)}>
              代为申请
            </Button>
            <DownloadButton label="导出（不含敏感信息）" run={(onProgress) => assistanceApi.exportApplications({ status, kind }, onProgress)} />
            {consoleRole === 'admin' && (
              <DownloadButton
                label="导出（含敏感信息）"
                run={(onProgress) => assistanceApi.exportApplications({ status, kind, includeSensitive: true }, onProgress)}
              />
            )}
          </>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select<AssistanceStatus>
          allowClear
          aria-label="按状态筛选"
          placeholder="全部状态"
          style={{ width: 180 }}
          value={status}
          onChange={(value) => {
            setStatus(value);
            first();
          }}
          options={ASSISTANCE_STATUSES.map((s) => ({ value: s, label: ASSISTANCE_STATUS_LABELS[s] }))}
        />
        <Select<AssistanceKind>
          allowClear
          aria-label="按类型筛选"
          placeholder="全部类型"
          style={{ width: 160 }}
          value={kind}
          onChange={(value) => {
            setKind(value);
            first();
          }}
          options={ASSISTANCE_KINDS.map((k) => ({ value: k, label: ASSISTANCE_KIND_LABELS[k] }))}
        />
      </Flex>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<StaffApplicationSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无申请' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        onRow={(a) => clickableRow(() => void navigate(`/assistance/applications/${a.id}`))}
        columns={[
          { title: '编号', dataIndex: 'id', width: 80 },
          { title: '类型', render: (_, a) => ASSISTANCE_KIND_LABELS[a.kind] },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '所在组织', render: (_, a) => a.org.name },
          { title: '状态', render: (_, a) => <ApplicationStatusTag status={a.status} /> },
          {
            title: '当前步骤',
            render: (_, a) =>
              a.currentStep ? (
                <>
                  {REVIEW_STEP_LABELS[a.currentStep]} {a.canAct && <Tag color="red">待我办理</Tag>}
                </>
              ) : (
                '—'
              ),
          },
          { title: '更新时间', dataIndex: 'updatedAt', render: formatTime },
        ]}
      />
      <ApplyForWorkerModal open={applying} onClose={() => setApplying(false)} onDone={list.reload} />
    </>
  );
}
