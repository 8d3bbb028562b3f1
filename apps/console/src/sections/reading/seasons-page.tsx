import type { SeasonView } from '@jingcai/shared';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { pagination } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { readingApi } from '../../services/reading';

export function SeasonStatusTag({ season }: { season: SeasonView }) {
  return season.status === 'published' ? <Tag color="green">已发布</Tag> : <Tag>草稿</Tag>;
}

/** Reading seasons owned in the staff member's subtree. */
export default function SeasonsPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const load = useCallback(() => readingApi.seasons(page, pageSize), [page, pageSize]);
  const list = useRequest(load);

  const publish = async (season: SeasonView) => {
    try {
      await readingApi.publish(season.id);
      void message.success('已发布');
      list.reload();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <>
      <PageHeader
        title="读书季"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/reading/seasons/new')}>
            新建读书季
          </Button>
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<SeasonView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '还没有读书季' }}
        pagination={pagination(page, pageSize, list.data?.total ?? 0, (p, s) => {
          setPage(p);
          setPageSize(s);
        })}
        columns={[
          { title: '主题', render: (_, s) => <Link to={`/reading/seasons/${s.id}`}>{s.theme}</Link> },
          { title: '主办', render: (_, s) => s.ownerOrg.name },
          { title: '参与范围', render: (_, s) => s.audienceOrg?.name ?? '全区职工' },
          { title: '日期', render: (_, s) => `${s.startsOn} 至 ${s.endsOn}` },
          { title: '推荐书目', render: (_, s) => `${s.books.length} 本` },
          { title: '状态', render: (_, s) => <SeasonStatusTag season={s} /> },
          {
            title: '操作',
            render: (_, s) => (
              <Space>
                <Link to={`/reading/seasons/${s.id}`}>查看</Link>
                <Link to={`/reading/seasons/${s.id}/edit`}>编辑</Link>
                {s.status === 'draft' ? (
                  <Popconfirm title={`发布「${s.theme}」？`} description="发布后职工即可打卡。" okText="发布" cancelText="取消" onConfirm={() => publish(s)}>
                    <Button type="link" size="small">发布</Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
