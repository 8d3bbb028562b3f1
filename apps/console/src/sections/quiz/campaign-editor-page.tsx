import { QUESTION_TYPE_LABELS, QUESTION_TYPES, type CampaignBody, type CampaignView, type QuestionType } from '@jingcai/shared';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, DatePicker, Form, Input, InputNumber, Space, Spin, Switch } from 'antd';
import { Select } from '../../components/select';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { OrgPicker } from '../../components/org-picker';
import { ErrorResult } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { useRequest } from '../../hooks/use-request';
import { ApiError, NOT_FOUND_MESSAGE, errorMessage } from '../../services/http';
import { quizApi } from '../../services/quiz';
import { useScope } from '../../session/scope-context';

interface CampaignForm {
  title: string;
  coverUrl?: string;
  rules: string;
  window: [Dayjs, Dayjs];
  ownerOrgId: number;
  audienceOrgId: number | null;
  membersOnly: boolean;
  draw: { bankId: number; type: QuestionType; count: number }[];
  shuffleOptions: boolean;
  /** 不限时: the campaign has no time limit (`secondsPerAttempt: null`); the seconds field is then ignored. */
  untimed: boolean;
  secondsPerAttempt: number;
  attemptsPerDay: number;
  passScore: number;
}

function toForm(c: CampaignView): CampaignForm {
  return {
    title: c.title,
    coverUrl: c.coverUrl ?? undefined,
    rules: c.rules,
    window: [dayjs(c.startsAt), dayjs(c.endsAt)],
    ownerOrgId: c.ownerOrg.id,
    audienceOrgId: c.audienceOrg?.id ?? null,
    membersOnly: c.membersOnly,
    draw: c.draw.map((d) => ({ ...d })),
    shuffleOptions: c.shuffleOptions,
    untimed: c.secondsPerAttempt === null,
    secondsPerAttempt: c.secondsPerAttempt ?? DEFAULT_SECONDS,
    attemptsPerDay: c.attemptsPerDay,
    passScore: c.passScore,
  };
}

const DEFAULT_SECONDS = 300;

/** Create or edit a campaign. Once published, the draw, the time limit and the pass mark are fixed. */
export default function CampaignEditorPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { scope } = useScope();
  const [form] = Form.useForm<CampaignForm>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const [banks, campaigns] = await Promise.all([quizApi.banks(), id ? quizApi.campaigns() : Promise.resolve([])]);
    const campaign = id ? campaigns.find((c) => c.id === id) : undefined;
    if (id && !campaign) throw new ApiError(404, 'NOT_FOUND', NOT_FOUND_MESSAGE);
    return { banks, campaign };
  }, [id]);
  const state = useRequest(load);
  const campaign = state.data?.campaign;
  const locked = !!campaign && campaign.status !== 'draft';

  useEffect(() => {
    if (campaign) form.setFieldsValue(toForm(campaign));
  }, [campaign, form]);

  if (state.error) return <ErrorResult error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Spin style={{ display: 'block', margin: 64 }} />;
  const banks = state.data.banks;

  const save = async (values: CampaignForm) => {
    const body: Omit<CampaignBody, 'ownerOrgId'> = {
      title: values.title.trim(),
      coverUrl: values.coverUrl?.trim() || null,
      rules: values.rules ?? '',
      startsAt: values.window[0].toISOString(),
      endsAt: values.window[1].toISOString(),
      audienceOrgId: values.audienceOrgId ?? null,
      membersOnly: values.membersOnly,
      draw: values.draw,
      shuffleOptions: values.shuffleOptions,
      secondsPerAttempt: values.untimed ? null : values.secondsPerAttempt,
      attemptsPerDay: values.attemptsPerDay,
      passScore: values.passScore,
    };
    setBusy(true);
    try {
      if (campaign) {
        const { draw, secondsPerAttempt, passScore, ...always } = body;
        const saved = await quizApi.updateCampaign(campaign.id, locked ? always : { ...always, draw, secondsPerAttempt, passScore });
        void message.success('已保存');
        void navigate(`/quiz/campaigns/${saved.id}`);
      } else {
        const saved = await quizApi.createCampaign({ ...body, ownerOrgId: values.ownerOrgId });
        void message.success('已保存为草稿，确认无误后发布');
        void navigate(`/quiz/campaigns/${saved.id}`);
      }
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const root = scope.roots[0];
  return (
    <>
      <Breadcrumb
        items={[{ title: <Link to="/quiz/campaigns">答题活动</Link> }, { title: campaign ? campaign.title : '新建活动' }]}
        style={{ marginBottom: 12 }}
      />
      <PageHeader title={campaign ? '编辑答题活动' : '新建答题活动'} />
      {locked ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="活动已发布：抽题规则、答题时长和及格分不能再修改。" />
      ) : null}
      <Card>
        <Form<CampaignForm>
          form={form}
          layout="vertical"
          style={{ maxWidth: 760 }}
          onFinish={(values) => void save(values)}
          initialValues={{
            rules: '',
            ownerOrgId: root?.id,
            audienceOrgId: scope.all ? null : root?.id,
            membersOnly: false,
            shuffleOptions: true,
            untimed: false,
            secondsPerAttempt: DEFAULT_SECONDS,
            attemptsPerDay: 3,
            passScore: 60,
            draw: [{ bankId: banks[0]?.id, type: 'single', count: 5 }],
          }}
        >
          <Form.Item name="title" label="活动名称" rules={[{ required: true, whitespace: true, min: 2, max: 60, message: '2–60 个字' }]}>
            <Input placeholder="例如：学习新《工会法》知识竞赛" />
          </Form.Item>
          <Form.Item name="rules" label="活动规则" rules={[{ max: 5000 }]}>
            <Input.TextArea rows={4} placeholder="参与方式、奖励说明等，开始答题前展示给职工" />
          </Form.Item>
          <Form.Item name="coverUrl" label="封面图片地址（可选）" rules={[{ type: 'url', message: '请输入有效的网址' }]}>
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item
            name="window"
            label="活动时间"
            rules={[
              { required: true, message: '请选择开始和结束时间' },
              {
                validator: (_, value: [Dayjs, Dayjs] | undefined) =>
                  value && !value[1].isAfter(value[0]) ? Promise.reject(new Error('结束时间必须晚于开始时间')) : Promise.resolve(),
              },
            ]}
          >
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Space size="large" wrap style={{ width: '100%' }}>
            {campaign ? (
              <Form.Item label="主办组织" style={{ width: 320 }}>
                <Input aria-label="主办组织" disabled value={campaign.ownerOrg.name} />
              </Form.Item>
            ) : (
              <Form.Item name="ownerOrgId" label="主办组织" rules={[{ required: true }]} style={{ width: 320 }}>
                <OrgPicker />
              </Form.Item>
            )}
            <Form.Item
              name="audienceOrgId"
              label="参与范围"
              tooltip="该组织及下级组织的职工可以参与"
              rules={scope.all ? [] : [{ required: true, message: '请选择参与范围' }]}
              style={{ width: 320 }}
            >
              <OrgPicker allowClear={scope.all} placeholder={scope.all ? '全区职工' : '选择组织'} />
            </Form.Item>
          </Space>
          <Form.Item name="membersOnly" label="仅限工会会员" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item label="抽题规则（每人随机抽取）" required>
            <Form.List
              name="draw"
              rules={[{ validator: (_, rules: unknown[]) => (rules?.length ? Promise.resolve() : Promise.reject(new Error('至少一条抽题规则'))) }]}
            >
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'bankId']} rules={[{ required: true, message: '选择题库' }]}>
                        <Select
                          aria-label="题库"
                          disabled={locked}
                          style={{ width: 260 }}
                          placeholder="题库"
                          options={banks.map((b) => ({ value: b.id, label: `${b.name}（${b.questionCount} 题）` }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'type']} rules={[{ required: true }]}>
                        <Select
                          aria-label="题型"
                          disabled={locked}
                          style={{ width: 100 }}
                          options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'count']} rules={[{ required: true, type: 'number', min: 1, max: 100 }]}>
                        <InputNumber aria-label="抽取题数" disabled={locked} min={1} max={100} addonAfter="道" />
                      </Form.Item>
                      {!locked && fields.length > 1 ? <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="删除规则" /> : null}
                    </Space>
                  ))}
                  {locked ? null : (
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'single', count: 5 })}>
                      添加抽题规则
                    </Button>
                  )}
                  <Form.ErrorList errors={errors} />
                </>
              )}
            </Form.List>
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="untimed" label="不限时" valuePropName="checked" tooltip="适老化：答题没有时间限制，活动结束前交卷即可">
              <Switch disabled={locked} />
            </Form.Item>
            <Form.Item noStyle dependencies={['untimed']}>
              {({ getFieldValue }) => (
                <Form.Item
                  name="secondsPerAttempt"
                  label="每次答题时长（秒）"
                  rules={[{ required: !getFieldValue('untimed'), type: 'number', min: 10, max: 7200 }]}
                >
                  <InputNumber disabled={locked || !!getFieldValue('untimed')} min={10} max={7200} />
                </Form.Item>
              )}
            </Form.Item>
            <Form.Item name="attemptsPerDay" label="每天可答次数" rules={[{ required: true, type: 'number', min: 1, max: 50 }]}>
              <InputNumber min={1} max={50} />
            </Form.Item>
            <Form.Item name="passScore" label="及格分（满分 100）" rules={[{ required: true, type: 'number', min: 0, max: 100 }]}>
              <InputNumber disabled={locked} min={0} max={100} />
            </Form.Item>
            <Form.Item name="shuffleOptions" label="选项乱序" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              保存
            </Button>
            <Button onClick={() => void navigate(campaign ? `/quiz/campaigns/${campaign.id}` : '/quiz/campaigns')}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
