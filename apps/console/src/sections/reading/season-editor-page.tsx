import { DEFAULT_BADGE_THRESHOLDS, type SeasonBody, type SeasonView } from '@jingcai/shared';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, DatePicker, Form, Input, InputNumber, Space, Spin } from 'antd';
import { Select } from '../../components/select';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { OrgPicker } from '../../components/org-picker';
import { ErrorResult } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { readingApi } from '../../services/reading';
import { useScope } from '../../session/scope-context';

interface SeasonForm {
  theme: string;
  description: string;
  days: [Dayjs, Dayjs];
  minNoteLength: number;
  makeUpAllowance: number;
  badgeThresholds: string[];
  audienceOrgId: number | null;
  ownerOrgId: number;
  books: { title: string; author: string; blurb: string }[];
}

function toForm(s: SeasonView): Partial<SeasonForm> {
  return {
    theme: s.theme,
    description: s.description,
    days: [dayjs(s.startsOn), dayjs(s.endsOn)],
    minNoteLength: s.minNoteLength,
    makeUpAllowance: s.makeUpAllowance,
    badgeThresholds: s.badgeThresholds.map(String),
    audienceOrgId: s.audienceOrg?.id ?? null,
  };
}

/** Create a season (with its first books) or edit one; books are edited on the season page. */
export default function SeasonEditorPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { scope } = useScope();
  const [form] = Form.useForm<SeasonForm>();
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => (id ? readingApi.season(id) : Promise.resolve(null)), [id]);
  const state = useRequest(load);
  const season = state.data ?? null;

  useEffect(() => {
    if (season) form.setFieldsValue(toForm(season));
  }, [season, form]);

  if (state.error) return <ErrorResult error={state.error} onRetry={state.reload} />;
  if (id && !season) return <Spin style={{ display: 'block', margin: 64 }} />;

  const save = async (values: SeasonForm) => {
    const thresholds = [...new Set(values.badgeThresholds.map(Number).filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => a - b);
    const common = {
      theme: values.theme.trim(),
      description: values.description ?? '',
      startsOn: values.days[0].format('YYYY-MM-DD'),
      endsOn: values.days[1].format('YYYY-MM-DD'),
      minNoteLength: values.minNoteLength,
      makeUpAllowance: values.makeUpAllowance,
      badgeThresholds: thresholds,
      audienceOrgId: values.audienceOrgId ?? null,
    };
    setBusy(true);
    try {
      const saved = season
        ? await readingApi.update(season.id, common)
        : await readingApi.create({
            ...common,
            ownerOrgId: values.ownerOrgId,
            books: (values.books ?? []).map((b) => ({ title: b.title.trim(), author: b.author.trim(), blurb: b.blurb ?? '', coverUrl: null })),
          } satisfies SeasonBody);
      void message.success(season ? '已保存' : '已保存为草稿');
      void navigate(`/reading/seasons/${saved.id}`);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/reading/seasons">读书季</Link> }, { title: season?.theme ?? '新建读书季' }]} style={{ marginBottom: 12 }} />
      <PageHeader title={season ? '编辑读书季' : '新建读书季'} />
      <Card>
        <Form<SeasonForm>
          form={form}
          layout="vertical"
          style={{ maxWidth: 760 }}
          onFinish={(values) => void save(values)}
          initialValues={{
            description: '',
            minNoteLength: 10,
            makeUpAllowance: 3,
            badgeThresholds: DEFAULT_BADGE_THRESHOLDS.map(String),
            ownerOrgId: scope.roots[0]?.id,
            audienceOrgId: scope.all ? null : scope.roots[0]?.id,
            books: [],
          }}
        >
          <Form.Item name="theme" label="主题" rules={[{ required: true, whitespace: true, min: 2, max: 60, message: '2–60 个字' }]}>
            <Input placeholder="例如：阅读新时代 建功新征程" />
          </Form.Item>
          <Form.Item name="description" label="活动说明" rules={[{ max: 5000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="days" label="活动日期（含首尾两天）" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Space size="large" wrap>
            {season ? null : (
              <Form.Item name="ownerOrgId" label="主办组织" rules={[{ required: true }]} style={{ width: 320 }}>
                <OrgPicker />
              </Form.Item>
            )}
            <Form.Item
              name="audienceOrgId"
              label="参与范围"
              rules={scope.all ? [] : [{ required: true, message: '请选择参与范围' }]}
              style={{ width: 320 }}
            >
              <OrgPicker allowClear={scope.all} placeholder={scope.all ? '全区职工' : '选择组织'} />
            </Form.Item>
          </Space>
          <Space size="large" wrap>
            <Form.Item name="minNoteLength" label="读后感最少字数" rules={[{ required: true, type: 'number', min: 0, max: 500 }]}>
              <InputNumber min={0} max={500} />
            </Form.Item>
            <Form.Item name="makeUpAllowance" label="可补卡次数" rules={[{ required: true, type: 'number', min: 0, max: 30 }]}>
              <InputNumber min={0} max={30} />
            </Form.Item>
            <Form.Item name="badgeThresholds" label="徽章天数" rules={[{ required: true, type: 'array', min: 1, max: 6, message: '1–6 个天数' }]} style={{ width: 280 }}>
              <Select mode="tags" placeholder="例如 7、21、50" />
            </Form.Item>
          </Space>
          {season ? null : (
            <Form.Item label="推荐书目">
              <Form.List name="books">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline" wrap>
                        <Form.Item name={[field.name, 'title']} rules={[{ required: true, whitespace: true, message: '书名' }]}>
                          <Input aria-label="书名" placeholder="书名" style={{ width: 200 }} maxLength={100} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'author']} rules={[{ required: true, whitespace: true, message: '作者' }]}>
                          <Input aria-label="作者" placeholder="作者" style={{ width: 140 }} maxLength={60} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'blurb']}>
                          <Input aria-label="简介" placeholder="简介" style={{ width: 260 }} maxLength={1000} />
                        </Form.Item>
                        <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="删除书目" />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', author: '', blurb: '' })}>
                      添加书目
                    </Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              保存
            </Button>
            <Button onClick={() => void navigate(season ? `/reading/seasons/${season.id}` : '/reading/seasons')}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
