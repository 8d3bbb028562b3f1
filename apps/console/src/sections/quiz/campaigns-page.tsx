import type { CampaignView } from '@jingcai/shared';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table } from 'antd';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { quizApi } from '../../services/quiz';
import { CampaignStatusTag } from './quiz-labels';

/** Campaigns of the staff member's subtree, newest first, with publish / end at hand. */
export default function CampaignsPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const load = useCallback(() => quizApi.campaigns(), []);
  const list = useRequest(load);

  const act = async (action: 'publish' | 'end', campaign: CampaignView) => {
    try {
      await (action === 'publish' ? quizApi.publish(campaign.id) : quizApi.end(campaign.id));
      void message.success(action === 'publish' ? '已发布，职工现在可以看到这个活动' : '活动已结束');
      list.reload();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <>
      <PageHeader
        title="答题活动"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/quiz/campaigns/new')}>
            新建活动
          </Button>
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<CampaignView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: '还没有答题活动' }}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 个活动` }}
        columns={[
          { title: '活动名称', render: (_, c) => <Link to={`/quiz/campaigns/${c.id}`}>{c.title}</Link> },
          { title: '主办', render: (_, c) => c.ownerOrg.name },
          { title: '参与范围', render: (_, c) => `${c.audienceOrg?.name ?? '全区职工'}${c.membersOnly ? '（仅会员）' : ''}` },
          { title: '时间', render: (_, c) => `${formatTime(c.startsAt)} 至 ${formatTime(c.endsAt)}` },
          { title: '题量', dataIndex: 'questionCount', width: 70 },
          { title: '状态', render: (_, c) => <CampaignStatusTag campaign={c} /> },
          {
            title: '操作',
            render: (_, c) => (
              <Space>
                <Link to={`/quiz/campaigns/${c.id}`}>查看</Link>
                <Link to={`/quiz/campaigns/${c.id}/edit`}>编辑</Link>
                {c.status === 'draft' ? (
                  <Popconfirm title={`发布「${c.title}」？`} description="发布后职工即可参与，抽题规则、时长和及格分不能再修改。" okText="发布" cancelText="取消" onConfirm={() => act('publish', c)}>
                    <Button type="link" size="small">发布</Button>
                  </Popconfirm>
                ) : null}
                {c.status === 'published' ? (
                  <Popconfirm title={`结束「${c.title}」？`} description="结束后职工不能再答题，此操作不可撤销。" okText="结束" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => act('end', c)}>
                    <Button type="link" size="small" danger>结束</Button>
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
