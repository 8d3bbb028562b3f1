import { QUESTION_TYPE_LABELS, type BankView, type QuestionType, type QuestionView } from '@jingcai/shared';
import { PlusOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert, ErrorResult } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { useRequest } from '../../hooks/use-request';
import { ApiError, NOT_FOUND_MESSAGE, errorMessage } from '../../services/http';
import { quizApi } from '../../services/quiz';
import { ImportPanel } from './import-panel';
import { QuestionEditor } from './question-editor';

/** One bank: its questions, the spreadsheet import with its per-row report, and single-question edits. */
export default function BankPage() {
  const id = Number(useParams().id);
  const load = useCallback(async () => {
    // There is no GET /quiz/banks/:id: the bank comes from the (scoped) list, its questions on their own.
    const [banks, questions] = await Promise.all([quizApi.banks(), quizApi.questions(id)]);
    const bank = banks.find((b) => b.id === id);
    if (!bank) throw new ApiError(404, 'NOT_FOUND', NOT_FOUND_MESSAGE);
    return { bank, questions };
  }, [id]);
  const state = useRequest(load);
  const [editing, setEditing] = useState<QuestionView | 'new' | null>(null);
  const { message } = App.useApp();

  if (state.error && !state.data) return <ErrorResult error={state.error} onRetry={state.reload} />;
  const bank: BankView | undefined = state.data?.bank;

  const remove = async (question: QuestionView) => {
    try {
      await quizApi.deleteQuestion(question.id);
      void message.success('已删除');
      state.reload();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/quiz/banks">题库</Link> }, { title: bank?.name ?? '…' }]} style={{ marginBottom: 12 }} />
      <PageHeader
        title={bank?.name ?? '题库'}
        sub={bank ? `${bank.ownerOrg.name} · 共 ${state.data?.questions.length ?? 0} 题` : undefined}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!bank}>
            添加题目
          </Button>
        }
      />
      <ImportPanel bankId={id} onImported={state.reload} />
      <ErrorAlert error={state.data ? state.error : null} onRetry={state.reload} />
      <Card title="题目" style={{ marginTop: 16 }}>
        <Table<QuestionView>
          rowKey="id"
          loading={state.loading}
          dataSource={state.data?.questions ?? []}
          locale={{ emptyText: '题库还没有题目：导入模板或逐题添加' }}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 题` }}
          columns={[
            { title: '题型', dataIndex: 'type', width: 80, render: (t: QuestionType) => <Tag>{QUESTION_TYPE_LABELS[t]}</Tag> },
            { title: '题干', dataIndex: 'stem' },
            {
              title: '选项',
              render: (_, q) => (
                <Typography.Text type="secondary">{q.options.map((o) => `${o.key}. ${o.text}`).join('  ')}</Typography.Text>
              ),
            },
            { title: '答案', width: 80, render: (_, q) => q.answer.join('') },
            { title: '难度', dataIndex: 'difficulty', width: 70 },
            {
              title: '操作',
              width: 140,
              render: (_, q) => (
                <Space>
                  <Button type="link" size="small" onClick={() => setEditing(q)}>
                    编辑
                  </Button>
                  <Popconfirm title="删除这道题？" description="删除后不可恢复。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove(q)}>
                    <Button type="link" size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <QuestionEditor
        bankId={id}
        question={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          state.reload();
        }}
      />
    </>
  );
}
