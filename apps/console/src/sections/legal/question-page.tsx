import { LEGAL_CATEGORY_LABELS, type AssigneeView, type LegalMessageView, type LegalQuestionView } from '@jingcai/shared';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Image, Input, List, Popconfirm, Rate, Space, Tag, Typography } from 'antd';
import { Select } from '../../components/select';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { formatTime } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { legalApi } from '../../services/legal';
import { useSession } from '../../session/session-context';
import { OverdueTag, QuestionStatusTag } from './legal-labels';

const ROLE_TAGS: Record<LegalMessageView['authorRole'], { label: string; color: string }> = {
  asker: { label: '职工', color: 'default' },
  lawyer: { label: '律师', color: 'blue' },
  staff: { label: '工会', color: 'red' },
};

/** One question with its whole thread: assign it, answer it, and turn a closed one into a case draft. */
export default function QuestionPage() {
  const id = Number(useParams().id);
  const { consoleRole } = useSession();
  const canManage = consoleRole === 'staff' || consoleRole === 'admin';
  const load = useCallback(() => legalApi.question(id), [id]);
  const state = useRequest(load);

  if (state.error && !state.data) return <ErrorResult error={state.error} onRetry={state.reload} />;
  const q = state.data;

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/legal/inbox">咨询工作台</Link> }, { title: q ? `#${q.id}` : '…' }]} style={{ marginBottom: 12 }} />
      <PageHeader
        title={
          <Space wrap>
            {q?.title ?? '法律咨询'}
            {q ? <QuestionStatusTag status={q.status} /> : null}
            {q?.overdue ? <OverdueTag /> : null}
          </Space>
        }
        extra={q && canManage ? <CaseDraftButton question={q} /> : null}
      />
      {q ? (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 3 }} size="small">
              <Descriptions.Item label="分类">{LEGAL_CATEGORY_LABELS[q.category]}</Descriptions.Item>
              <Descriptions.Item label="提问人">{q.asker.name}</Descriptions.Item>
              <Descriptions.Item label="所在组织">{q.asker.org?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{q.asker.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="提问时间">{formatTime(q.createdAt)}</Descriptions.Item>
              <Descriptions.Item label="答复期限">
                {q.dueAt ? <Typography.Text type={q.overdue ? 'danger' : undefined}>{formatTime(q.dueAt)}</Typography.Text> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="处理人">{q.assignee?.name ?? '未分配'}</Descriptions.Item>
              <Descriptions.Item label="允许公开为案例">{q.publicAllowed ? '是（匿名化后）' : '否'}</Descriptions.Item>
              {q.rating !== null ? (
                <Descriptions.Item label="评价">
                  <Rate disabled value={q.rating} /> {q.ratingComment ?? ''}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {canManage && q.status !== 'closed' ? <Assign question={q} onAssigned={(next) => state.setData(next)} /> : null}
          </Card>
          <Card title="咨询记录">
            <List<LegalMessageView>
              dataSource={q.messages}
              locale={{ emptyText: '暂无消息' }}
              renderItem={(m) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space>
                        <Tag color={ROLE_TAGS[m.authorRole].color}>{ROLE_TAGS[m.authorRole].label}</Tag>
                        {m.authorName}
                        <Typography.Text type="secondary">{formatTime(m.createdAt)}</Typography.Text>
                      </Space>
                    }
                    description={
                      <>
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', color: '#222', marginBottom: 8 }}>{m.body}</Typography.Paragraph>
                        {m.photos.length ? (
                          <Image.PreviewGroup>
                            <Space wrap>
                              {m.photos.map((p) => (
                                <Image key={p.id} src={p.url} width={96} height={96} style={{ objectFit: 'cover' }} alt="咨询图片" />
                              ))}
                            </Space>
                          </Image.PreviewGroup>
                        ) : null}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
            {q.status === 'closed' ? (
              <Alert type="info" showIcon message="职工已结束本次咨询，不能再回复。" />
            ) : (
              <Reply questionId={q.id} onSent={state.reload} />
            )}
          </Card>
        </>
      ) : null}
    </>
  );
}

function Assign({ question, onAssigned }: { question: LegalQuestionView; onAssigned: (q: LegalQuestionView) => void }) {
  const { message } = App.useApp();
  const load = useCallback(() => legalApi.assignees(question.id), [question.id]);
  const candidates = useRequest(load);
  const [choice, setChoice] = useState<number | undefined>(question.assignee?.id);
  const [busy, setBusy] = useState(false);

  const assign = async () => {
    if (!choice) return;
    setBusy(true);
    try {
      onAssigned(await legalApi.assign(question.id, choice));
      void message.success('已分配，处理人会收到通知');
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space style={{ marginTop: 16 }} wrap>
      <span>分配给</span>
      <Select<number>
        style={{ width: 240 }}
        placeholder="选择律师或工作人员"
        loading={candidates.loading}
        value={choice}
        onChange={setChoice}
        options={(candidates.data ?? []).map((a: AssigneeView) => ({ value: a.id, label: `${a.name}（${a.role === 'lawyer' ? '律师' : '工作人员'}）` }))}
        aria-label="处理人"
      />
      <Button type="primary" onClick={() => void assign()} loading={busy} disabled={!choice || choice === question.assignee?.id}>
        {question.assignee ? '改派' : '分配'}
      </Button>
      {candidates.error ? <Typography.Text type="danger">{errorMessage(candidates.error)}</Typography.Text> : null}
    </Space>
  );
}

function Reply({ questionId, onSent }: { questionId: number; onSent: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const [busy, setBusy] = useState(false);
  const body = Form.useWatch('body', form);

  const send = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await legalApi.reply(questionId, values.body.trim());
      form.resetFields();
      void message.success('已发送，职工会收到通知');
      onSent();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
      <Form.Item name="body" label="答复" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }, { max: 3000 }]}>
        <Input.TextArea rows={5} maxLength={3000} showCount placeholder="请结合法律规定给出具体建议；如需进一步帮助，可提示职工申请法律援助或拨打 12351 职工服务热线" />
      </Form.Item>
      <Popconfirm title="发送这条答复？" description="发送后职工会收到通知，不能撤回。" okText="发送" cancelText="取消" onConfirm={send} disabled={!body?.trim()}>
        <Button type="primary" loading={busy} disabled={!body?.trim()}>
          发送答复
        </Button>
      </Popconfirm>
    </Form>
  );
}

function CaseDraftButton({ question }: { question: LegalQuestionView }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (question.status !== 'closed' || !question.publicAllowed) return null;
  const draft = async () => {
    setBusy(true);
    try {
      const created = await legalApi.caseDraft(question.id);
      void message.success('已生成匿名化案例草稿，请核对后发布');
      void navigate(`/legal/cases/${created.id}`);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={() => void draft()} loading={busy}>
      生成案例草稿
    </Button>
  );
}
