import {
  OPTION_KEYS,
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
  type BankView,
  type ImportRowError,
  type OptionKey,
  type QuestionBody,
  type QuestionType,
  type QuestionView,
} from '@jingcai/shared';
import { InboxOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DownloadButton } from '../../components/download-button';
import { ErrorAlert, ErrorResult } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { useRequest } from '../../hooks/use-request';
import { ApiError, NOT_FOUND_MESSAGE, errorMessage } from '../../services/http';
import { quizApi, type ImportOutcome } from '../../services/quiz';

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

type ImportState =
  | { phase: 'idle' }
  | { phase: 'uploading'; file: string; percent: number | null }
  | { phase: 'done'; file: string; outcome: ImportOutcome }
  | { phase: 'failed'; file: string; message: string };

function ImportPanel({ bankId, onImported }: { bankId: number; onImported: () => void }) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });

  const run = async (file: File) => {
    setState({ phase: 'uploading', file: file.name, percent: 0 });
    try {
      const outcome = await quizApi.importFile(bankId, file, (percent) =>
        setState({ phase: 'uploading', file: file.name, percent }),
      );
      setState({ phase: 'done', file: file.name, outcome });
      if (outcome.ok) onImported();
    } catch (error) {
      setState({ phase: 'failed', file: file.name, message: errorMessage(error) });
    }
  };

  return (
    <Card
      title="批量导入"
      extra={<DownloadButton label="下载模板" run={(onProgress) => quizApi.downloadTemplate(onProgress)} />}
    >
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={state.phase === 'uploading'}
        beforeUpload={(file) => {
          void run(file);
          return false; // we send it ourselves, with the token and the progress
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖入 .xlsx / .csv 文件导入题目</p>
        <p className="ant-upload-hint">一行一题；答案用字母（如 AC），判断题填“正确/错误”。任何一行有误则整批不导入。</p>
      </Upload.Dragger>
      {state.phase === 'uploading' ? (
        <div style={{ marginTop: 16 }}>
          <Typography.Text>正在导入 {state.file}…</Typography.Text>
          <Progress percent={state.percent ?? 99} status="active" aria-label="导入进度" />
        </div>
      ) : null}
      {state.phase === 'failed' ? (
        <Alert style={{ marginTop: 16 }} type="error" showIcon message={`导入失败：${state.message}`} />
      ) : null}
      {state.phase === 'done' && state.outcome.ok ? (
        <Alert style={{ marginTop: 16 }} type="success" showIcon message={`导入成功：${state.file} 共导入 ${state.outcome.imported} 道题`} />
      ) : null}
      {state.phase === 'done' && !state.outcome.ok ? (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="error"
            showIcon
            message={`导入未完成：${state.file} 有 ${state.outcome.errors.length} 处错误，本次没有导入任何题目`}
            description="请按下表修改文件后重新上传。"
          />
          <Table<ImportRowError>
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(e, i) => `${e.row}-${i}`}
            dataSource={state.outcome.errors}
            pagination={state.outcome.errors.length > 20 ? { pageSize: 20 } : false}
            aria-label="导入错误报告"
            columns={[
              { title: '行号', dataIndex: 'row', width: 90 },
              { title: '错误说明', dataIndex: 'message' },
            ]}
          />
        </div>
      ) : null}
    </Card>
  );
}

interface QuestionForm {
  type: QuestionType;
  stem: string;
  options: { text: string }[];
  answer: OptionKey[];
  explanation: string;
  tags: string[];
  difficulty: number;
}

const JUDGE_TEXTS = ['正确', '错误'];

function QuestionEditor({
  bankId,
  question,
  onClose,
  onSaved,
}: {
  bankId: number;
  question: QuestionView | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<QuestionForm>();
  const [busy, setBusy] = useState(false);
  const type = Form.useWatch('type', form);
  const optionCount = Form.useWatch('options', form)?.length ?? 0;

  const afterOpen = (open: boolean) => {
    if (!open) return;
    if (question && question !== 'new') {
      form.setFieldsValue({
        type: question.type,
        stem: question.stem,
        options: question.options.map((o) => ({ text: o.text })),
        answer: question.answer,
        explanation: question.explanation,
        tags: question.tags,
        difficulty: question.difficulty,
      });
    } else {
      form.setFieldsValue({ type: 'single', stem: '', options: [{ text: '' }, { text: '' }, { text: '' }, { text: '' }], answer: [], explanation: '', tags: [], difficulty: 2 });
    }
  };

  const save = async (values: QuestionForm) => {
    const texts = values.type === 'judge' ? JUDGE_TEXTS : values.options.map((o) => o.text.trim());
    const body: QuestionBody = {
      type: values.type,
      stem: values.stem.trim(),
      options: texts.map((text, i) => ({ key: OPTION_KEYS[i], text })),
      answer: values.answer,
      explanation: values.explanation ?? '',
      tags: values.tags ?? [],
      difficulty: values.difficulty,
    };
    setBusy(true);
    try {
      if (question && question !== 'new') await quizApi.updateQuestion(question.id, body);
      else await quizApi.addQuestion(bankId, body);
      void message.success('已保存');
      onSaved();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const keys = type === 'judge' ? OPTION_KEYS.slice(0, 2) : OPTION_KEYS.slice(0, optionCount);
  return (
    <Modal
      title={question === 'new' ? '添加题目' : '编辑题目'}
      open={question !== null}
      afterOpenChange={afterOpen}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="type" label="题型" rules={[{ required: true }]}>
          <Select
            options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }))}
            onChange={() => form.setFieldValue('answer', [])}
          />
        </Form.Item>
        <Form.Item name="stem" label="题干" rules={[{ required: true, whitespace: true, min: 2, max: 1000, message: '2–1000 个字' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {type === 'judge' ? null : (
          <Form.List name="options">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item
                      {...field}
                      name={[field.name, 'text']}
                      label={`选项 ${OPTION_KEYS[index]}`}
                      rules={[{ required: true, whitespace: true, message: '请填写选项' }]}
                      style={{ width: 480 }}
                    >
                      <Input maxLength={300} />
                    </Form.Item>
                    {fields.length > 2 ? <Button type="link" onClick={() => remove(field.name)}>删除</Button> : null}
                  </Space>
                ))}
                {fields.length < OPTION_KEYS.length ? (
                  <Button type="dashed" onClick={() => add({ text: '' })} style={{ marginBottom: 16 }}>
                    添加选项
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
        )}
        <Form.Item
          name="answer"
          label="正确答案"
          rules={[
            { required: true, type: 'array', min: 1, message: '请选择正确答案' },
            {
              validator: (_, value: OptionKey[] | undefined) =>
                type !== 'multiple' && (value?.length ?? 0) > 1 ? Promise.reject(new Error('单选题和判断题只能有一个答案')) : Promise.resolve(),
            },
          ]}
        >
          <Checkbox.Group options={keys.map((k, i) => ({ value: k, label: type === 'judge' ? JUDGE_TEXTS[i] : k }))} />
        </Form.Item>
        <Form.Item name="explanation" label="解析">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space>
          <Form.Item name="difficulty" label="难度（1–5）" rules={[{ required: true }]}>
            <InputNumber min={1} max={5} />
          </Form.Item>
          <Form.Item name="tags" label="标签" style={{ width: 360 }}>
            <Select mode="tags" maxCount={10} placeholder="输入后回车" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
