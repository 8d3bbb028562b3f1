import { LEGAL_CATEGORIES, LEGAL_CATEGORY_LABELS, type LegalCaseStatus, type LegalCaseView, type LegalCategory } from '@jingcai/shared';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Space, Table, Tabs, Tag } from 'antd';
import { Select } from '../../components/select';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime, pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { legalApi } from '../../services/legal';

/** The case library (典型案例): drafts of the staff member's subtree, and what is published. */
export default function CasesPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [status, setStatus] = useState<LegalCaseStatus>('draft');
  const [category, setCategory] = useState<LegalCategory | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const load = useCallback(
    () => legalApi.cases({ status, category, q: q || undefined, page, pageSize }),
    [status, category, q, page, pageSize],
  );
  const list = useRequest(load);

  const act = async (action: 'publish' | 'unpublish', c: LegalCaseView) => {
    try {
      await (action === 'publish' ? legalApi.publishCase(c.id) : legalApi.unpublishCase(c.id));
      void message.success(action === 'publish' ? '已发布到案例库' : '已撤回为草稿');
      list.reload();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <>
      <PageHeader
        title="典型案例"
        sub="发布后职工可在小程序中按分类浏览和搜索"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/legal/cases/new')}>
            新建案例
          </Button>
        }
      />
      <Tabs
        activeKey={status}
        onChange={(key) => {
          setStatus(key as LegalCaseStatus);
          setPage(1);
        }}
        items={[
          { key: 'draft', label: '草稿' },
          { key: 'published', label: '已发布' },
        ]}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<LegalCategory>
          allowClear
          placeholder="全部分类"
          style={{ width: 200 }}
          value={category}
          onChange={(v) => {
            setCategory(v);
            setPage(1);
          }}
          options={LEGAL_CATEGORIES.map((c) => ({ value: c, label: LEGAL_CATEGORY_LABELS[c] }))}
        />
        <Input.Search
          allowClear
          placeholder="搜索标题和正文"
          style={{ width: 260 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<LegalCaseView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: status === 'draft' ? '没有草稿' : '没有已发布的案例' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          {
            title: '标题',
            render: (_, c) => (
              <Space>
                <Link to={`/legal/cases/${c.id}`}>{c.title}</Link>
                {c.sourceQuestionId ? <Tag>来自咨询 #{c.sourceQuestionId}</Tag> : null}
              </Space>
            ),
          },
          { title: '分类', render: (_, c) => LEGAL_CATEGORY_LABELS[c.category] },
          { title: status === 'draft' ? '创建时间' : '发布时间', render: (_, c) => formatTime(status === 'draft' ? c.createdAt : c.publishedAt) },
          {
            title: '操作',
            render: (_, c) => (
              <Space>
                <Link to={`/legal/cases/${c.id}`}>{status === 'draft' ? '编辑' : '查看'}</Link>
                {c.status === 'draft' ? (
                  <Popconfirm title={`发布「${c.title}」？`} description="发布后所有职工可见，请确认已去除个人信息。" okText="发布" cancelText="取消" onConfirm={() => act('publish', c)}>
                    <Button type="link" size="small">发布</Button>
                  </Popconfirm>
                ) : (
                  <Popconfirm title="撤回这个案例？" description="撤回后职工将看不到它。" okText="撤回" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => act('unpublish', c)}>
                    <Button type="link" size="small" danger>撤回</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
