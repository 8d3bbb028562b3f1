import { WORKER_CATEGORY_LABELS, type ReviewApplicationView } from '@jingcai/shared';
import { Alert, Table } from 'antd';
import { useCallback, useState } from 'react';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { membershipApi } from '../../services/membership';
import { applicantOrg } from './applications-page';

/** Members who joined through the mini-program, newest first; phones masked as everywhere. */
export default function RosterPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const load = useCallback(() => membershipApi.list({ status: 'approved', page, pageSize }), [page, pageSize]);
  const list = useRequest(load);

  return (
    <>
      <PageHeader title="会员名册" sub="通过入会审核的会员（本组织及下级组织）" />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="手机号、身份证号仅显示脱敏后的内容。职工标签（劳模、困难职工等）由区总工会管理员在「用户与权限」中查看。"
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<ReviewApplicationView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无会员' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: '会员号', dataIndex: 'memberNo' },
          { title: '姓名', dataIndex: 'realName' },
          { title: '手机号', dataIndex: 'phone' },
          { title: '工会', render: (_, r) => applicantOrg(r) },
          { title: '身份', render: (_, r) => WORKER_CATEGORY_LABELS[r.category] },
          { title: '入会时间', dataIndex: 'decidedAt', render: formatTime },
        ]}
      />
    </>
  );
}
