import type { BookBody, BookView, FeedItemView, ReaderRankView, ReadingOrgRankView, SeasonView } from '@jingcai/shared';
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DownloadButton } from '../../components/download-button';
import { OrgRankTable, PersonRankTable, useScopedRankings } from '../../components/rank-tables';
import { ErrorAlert, ErrorResult } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { readingApi } from '../../services/reading';
import { rankingDepth } from '../../session/org-scope';
import { useScope } from '../../session/scope-context';
import { SeasonStatusTag } from './seasons-page';

/** One season: books, the public feed (hide a note), rankings and the two exports. */
export default function SeasonPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { scope } = useScope();
  const load = useCallback(() => readingApi.season(id), [id]);
  const state = useRequest(load);
  const [depth, setDepth] = useState(() => rankingDepth(scope));

  if (state.error && !state.data) return <ErrorResult error={state.error} onRetry={state.reload} />;
  const season = state.data;

  const publish = async () => {
    try {
      state.setData(await readingApi.publish(id));
      void message.success('已发布');
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/reading/seasons">读书季</Link> }, { title: season?.theme ?? '…' }]} style={{ marginBottom: 12 }} />
      <PageHeader
        title={
          <Space>
            {season?.theme ?? '读书季'}
            {season ? <SeasonStatusTag season={season} /> : null}
          </Space>
        }
        extra={
          season ? (
            <>
              <Button onClick={() => void navigate(`/reading/seasons/${id}/edit`)}>编辑</Button>
              {season.status === 'draft' ? (
                <Popconfirm title="发布这个读书季？" description="发布后职工即可打卡。" okText="发布" cancelText="取消" onConfirm={publish}>
                  <Button type="primary">发布</Button>
                </Popconfirm>
              ) : null}
            </>
          ) : null
        }
      />
      {season ? (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="主办">{season.ownerOrg.name}</Descriptions.Item>
              <Descriptions.Item label="参与范围">{season.audienceOrg?.name ?? '全区职工'}</Descriptions.Item>
              <Descriptions.Item label="日期">{`${season.startsOn} 至 ${season.endsOn}`}</Descriptions.Item>
              <Descriptions.Item label="规则">{`读后感至少 ${season.minNoteLength} 字 · 可补卡 ${season.makeUpAllowance} 次 · 徽章 ${season.badgeThresholds.join(' / ')} 天`}</Descriptions.Item>
              {season.description ? (
                <Descriptions.Item label="说明" span={2}>
                  {season.description}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <Tabs
            items={[
              { key: 'books', label: `推荐书目（${season.books.length}）`, children: <Books season={season} onChanged={state.reload} /> },
              { key: 'feed', label: '读后感', children: <Feed season={season} /> },
              { key: 'ranks', label: '排行榜', children: <Rankings season={season} depth={depth} /> },
              {
                key: 'export',
                label: '导出',
                children: (
                  <Card>
                    <Space direction="vertical" size="large">
                      <Space wrap>
                        <span>组织层级</span>
                        <InputNumber aria-label="组织层级" min={1} max={5} value={depth} onChange={(v) => setDepth(v ?? 1)} />
                        <DownloadButton label="导出组织参与情况（orgs.xlsx）" run={(onProgress) => readingApi.exportOrgs(season, depth, onProgress)} />
                      </Space>
                      <DownloadButton label="导出打卡记录（checkins.xlsx）" run={(onProgress) => readingApi.exportCheckins(season, onProgress)} />
                    </Space>
                  </Card>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
}

function Books({ season, onChanged }: { season: SeasonView; onChanged: () => void }) {
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<BookBody>();

  const add = async (values: BookBody) => {
    setBusy(true);
    try {
      await readingApi.addBook(season.id, { title: values.title.trim(), author: values.author.trim(), blurb: values.blurb ?? '', coverUrl: values.coverUrl || null });
      void message.success('已添加');
      setAdding(false);
      form.resetFields();
      onChanged();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (book: BookView) => {
    try {
      await readingApi.removeBook(book.id);
      void message.success('已移除');
      onChanged();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <Card extra={<Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>添加书目</Button>}>
      <Table<BookView>
        rowKey="id"
        dataSource={season.books}
        pagination={false}
        locale={{ emptyText: '还没有推荐书目' }}
        columns={[
          { title: '书名', dataIndex: 'title' },
          { title: '作者', dataIndex: 'author' },
          { title: '简介', dataIndex: 'blurb' },
          {
            title: '操作',
            render: (_, book) => (
              <Popconfirm title={`移除《${book.title}》？`} description="已打卡的记录不受影响。" okText="移除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(book)}>
                <Button type="link" danger size="small">移除</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal title="添加书目" open={adding} okText="添加" cancelText="取消" confirmLoading={busy} onCancel={() => setAdding(false)} onOk={() => form.submit()} forceRender>
        <Form form={form} layout="vertical" onFinish={(values) => void add(values)}>
          <Form.Item name="title" label="书名" rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="author" label="作者" rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="blurb" label="简介" rules={[{ max: 1000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="coverUrl" label="封面图片地址（可选）" rules={[{ type: 'url', message: '请输入有效的网址' }]}>
            <Input placeholder="https://" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function Feed({ season }: { season: SeasonView }) {
  const { message } = App.useApp();
  const { scope } = useScope();
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const load = useCallback(() => readingApi.feed(season.id, cursor), [season.id, cursor]);
  const page = useRequest(load);
  const [hiding, setHiding] = useState<FeedItemView | null>(null);
  const [hidden, setHidden] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  if (season.status !== 'published') return <Empty description="读书季发布后，这里显示职工的读后感" />;

  const hide = async ({ reason }: { reason: string }) => {
    if (!hiding) return;
    setBusy(true);
    try {
      await readingApi.hide(hiding.id, reason.trim());
      setHidden((set) => new Set(set).add(hiding.id));
      void message.success('已隐藏，作者会收到通知（打卡记录仍然有效）');
      setHiding(null);
      form.resetFields();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  // The feed is the workers' public one; staff act on notes from their own subtree.
  const items = (page.data?.items ?? []).filter((item) => scope.all || (item.author.org !== null && scope.names.has(item.author.org)));
  return (
    <Card>
      <ErrorAlert error={page.error} onRetry={page.reload} />
      <List<FeedItemView>
        loading={page.loading}
        dataSource={items}
        locale={{ emptyText: '暂无读后感' }}
        renderItem={(item) => (
          <List.Item
            actions={[
              hidden.has(item.id) ? (
                <Tag key="hidden">已隐藏</Tag>
              ) : (
                <Button key="hide" danger size="small" onClick={() => setHiding(item)}>
                  隐藏
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={`${item.author.name}${item.author.org ? ` · ${item.author.org}` : ''} · ${item.day}${item.makeUp ? '（补卡）' : ''}`}
              description={`《${item.book.title}》 · ${item.minutes} 分钟 · ${item.likeCount} 赞`}
            />
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.note}</Typography.Paragraph>
          </List.Item>
        )}
      />
      <Space style={{ marginTop: 12 }}>
        {cursor ? <Button onClick={() => setCursor(undefined)}>回到最新</Button> : null}
        {page.data?.nextCursor ? <Button onClick={() => setCursor(page.data?.nextCursor ?? undefined)}>更早的</Button> : null}
      </Space>
      <Modal title="隐藏这篇读后感" open={!!hiding} okText="隐藏" okButtonProps={{ danger: true, loading: busy }} cancelText="取消" onCancel={() => setHiding(null)} onOk={() => form.submit()} forceRender>
        <Typography.Paragraph type="secondary">隐藏后不再公开展示，作者会收到通知；该天的打卡仍然计入。</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(values) => void hide(values)}>
          <Form.Item name="reason" label="原因（作者可见）" rules={[{ required: true, whitespace: true, min: 2, max: 200, message: '2–200 个字' }]}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function Rankings({ season, depth }: { season: SeasonView; depth: number }) {
  const loadPeople = useCallback(() => readingApi.people(season.id), [season.id]);
  const loadOrgs = useCallback(() => readingApi.orgs(season.id, depth), [season.id, depth]);
  const { people, orgs, peopleRows, orgRows } = useScopedRankings(loadPeople, loadOrgs);
  if (season.status !== 'published') return <Empty description="读书季发布后显示排行榜" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title="个人排名">
        <PersonRankTable<ReaderRankView>
          request={people}
          rows={peopleRows}
          emptyText="暂无打卡"
          figures={[
            { title: '打卡天数', dataIndex: 'days' },
            { title: '最长连续', dataIndex: 'longestStreak' },
            { title: '阅读分钟', dataIndex: 'minutes' },
          ]}
        />
      </Card>
      <Card title="组织排名（优秀组织奖依据）">
        <OrgRankTable<ReadingOrgRankView>
          request={orgs}
          rows={orgRows}
          figures={[{ title: '阅读总分钟', dataIndex: 'totalMinutes' }]}
        />
      </Card>
    </Space>
  );
}
