import { LEGAL_CATEGORIES, LEGAL_CATEGORY_LABELS, type LegalCaseBody, type LegalCaseView } from '@jingcai/shared';
import { Alert, App, Breadcrumb, Button, Card, Col, Form, Input, Popconfirm, Row, Space, Spin, Tag, Typography } from 'antd';
import { Select } from '../../components/select';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorResult } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { legalApi } from '../../services/legal';

/**
 * Write or edit a case. A draft made from a closed question arrives anonymised by the API; staff read
 * it in the preview beside the form, correct it, and publish.
 */
export default function CaseEditorPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<LegalCaseBody>();
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => (id ? legalApi.case(id) : Promise.resolve(null)), [id]);
  const state = useRequest(load);
  const current = state.data ?? null;
  const preview = Form.useWatch([], form) as Partial<LegalCaseBody> | undefined;

  useEffect(() => {
    if (current) form.setFieldsValue({ title: current.title, category: current.category, facts: current.facts, outcome: current.outcome, law: current.law });
  }, [current, form]);

  if (state.error) return <ErrorResult error={state.error} onRetry={state.reload} />;
  if (id && !current) return <Spin style={{ display: 'block', margin: 64 }} />;

  const save = async (): Promise<LegalCaseView | null> => {
    const values = await form.validateFields();
    const body: LegalCaseBody = { ...values, title: values.title.trim(), law: values.law?.trim() ?? '' };
    setBusy(true);
    try {
      const saved = current ? await legalApi.updateCase(current.id, body) : await legalApi.createCase(body);
      state.setData(saved);
      if (!current) void navigate(`/legal/cases/${saved.id}`, { replace: true });
      return saved;
    } catch (error) {
      void message.error(errorMessage(error));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    const saved = await save();
    if (!saved) return;
    try {
      state.setData(await legalApi.publishCase(saved.id));
      void message.success('已发布到案例库');
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const published = current?.status === 'published';
  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/legal/cases">典型案例</Link> }, { title: current?.title ?? '新建案例' }]} style={{ marginBottom: 12 }} />
      <PageHeader
        title={
          <Space>
            {current ? '编辑案例' : '新建案例'}
            {current ? <Tag color={published ? 'green' : undefined}>{published ? '已发布' : '草稿'}</Tag> : null}
          </Space>
        }
      />
      {current?.sourceQuestionId ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`由咨询 #${current.sourceQuestionId} 生成的匿名化草稿`}
          description="系统已去除手机号、证件号、银行卡号、人名和公司名称。发布前请逐字核对右侧预览，确保不含可识别个人的信息。"
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title="编辑">
            <Form<LegalCaseBody> form={form} layout="vertical" initialValues={{ category: 'wage_arrears', law: '' }}>
              <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, min: 4, max: 100, message: '4–100 个字' }]}>
                <Input />
              </Form.Item>
              <Form.Item name="category" label="分类" rules={[{ required: true }]}>
                <Select options={LEGAL_CATEGORIES.map((c) => ({ value: c, label: LEGAL_CATEGORY_LABELS[c] }))} />
              </Form.Item>
              <Form.Item name="facts" label="基本案情" rules={[{ required: true, whitespace: true, min: 10, max: 10000, message: '10–10000 个字' }]}>
                <Input.TextArea rows={6} />
              </Form.Item>
              <Form.Item name="outcome" label="处理结果" rules={[{ required: true, whitespace: true, min: 2, max: 10000, message: '2–10000 个字' }]}>
                <Input.TextArea rows={5} />
              </Form.Item>
              <Form.Item name="law" label="法律依据" rules={[{ max: 500 }]}>
                <Input placeholder="例如：《劳动合同法》第八十二条" />
              </Form.Item>
              <Space>
                <Button onClick={() => void save().then((s) => s && message.success('已保存'))} loading={busy}>
                  保存草稿
                </Button>
                {published ? null : (
                  <Popconfirm title="发布这个案例？" description="发布后所有职工可见，请确认已去除个人信息。" okText="发布" cancelText="取消" onConfirm={publish}>
                    <Button type="primary" loading={busy}>
                      保存并发布
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="预览（职工看到的样子）" aria-label="案例预览">
            <Typography.Title level={4}>{preview?.title || '（标题）'}</Typography.Title>
            {preview?.category ? <Tag color="red">{LEGAL_CATEGORY_LABELS[preview.category]}</Tag> : null}
            <Typography.Title level={5} style={{ marginTop: 16 }}>基本案情</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{preview?.facts || '—'}</Typography.Paragraph>
            <Typography.Title level={5}>处理结果</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{preview?.outcome || '—'}</Typography.Paragraph>
            {preview?.law ? (
              <>
                <Typography.Title level={5}>法律依据</Typography.Title>
                <Typography.Paragraph>{preview.law}</Typography.Paragraph>
              </>
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
