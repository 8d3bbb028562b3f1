import {
  OPTION_KEYS,
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
  type OptionKey,
  type QuestionBody,
  type QuestionType,
  type QuestionView,
} from '@jingcai/shared';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Space } from 'antd';
import { Select } from '../../components/select';
import { useState } from 'react';
import { errorMessage } from '../../services/http';
import { quizApi } from '../../services/quiz';

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

/** Adds a question to the bank (`new`) or edits one, in a modal; closed when `question` is null. */
export function QuestionEditor({
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
