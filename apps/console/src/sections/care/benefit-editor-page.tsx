import {
  BENEFIT_KIND_LABELS,
  BENEFIT_KINDS,
  USER_TAG_LABELS,
  USER_TAGS,
  WORKER_CATEGORIES,
  WORKER_CATEGORY_LABELS,
  type BenefitBody,
  type BenefitKind,
  type BenefitView,
  type UserTag,
  type WorkerCategory,
} from '@jingcai/shared';
import { App, Breadcrumb, Button, Card, DatePicker, Form, Input, InputNumber, Space, Spin, Switch } from 'antd';
import { Select } from '../../components/select';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { OrgPicker } from '../../components/org-picker';
import { ErrorResult } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { careApi } from '../../services/care';
import { useScope } from '../../session/scope-context';
import { useScopedStations } from './use-scoped-stations';

interface BenefitForm {
  title: string;
  description: string;
  kind: BenefitKind;
  stock: number;
  perPersonLimit: number;
  window: [Dayjs, Dayjs];
  pickupDeadline: Dayjs;
  categories: WorkerCategory[];
  gigVerifiedRequired: boolean;
  tags: UserTag[];
  membersOnly: boolean;
  audienceOrgId: number | null;
  stationIds: number[];
  ownerOrgId: number;
}

function toForm(b: BenefitView): Partial<BenefitForm> {
  return {
    title: b.title,
    description: b.description,
    kind: b.kind,
    perPersonLimit: b.perPersonLimit,
    window: [dayjs(b.claimStartsAt), dayjs(b.claimEndsAt)],
    pickupDeadline: dayjs(b.pickupDeadline),
    categories: b.eligibility.categories,
    gigVerifiedRequired: b.eligibility.gigVerifiedRequired,
    tags: b.eligibility.tags,
    membersOnly: b.eligibility.membersOnly,
    audienceOrgId: b.eligibility.orgId,
    stationIds: b.stations.map((s) => s.id),
  };
}

/** Create or edit a benefit: what it is, who may claim it, when, and where it is picked up. */
export default function BenefitEditorPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { scope } = useScope();
  const [form] = Form.useForm<BenefitForm>();
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => (id ? careApi.benefit(id) : Promise.resolve(null)), [id]);
  const state = useRequest(load);
  const stations = useScopedStations();
  const benefit = state.data ?? null;

  useEffect(() => {
    if (benefit) form.setFieldsValue(toForm(benefit));
  }, [benefit, form]);

  if (state.error) return <ErrorResult error={state.error} onRetry={state.reload} />;
  if (id && !benefit) return <Spin style={{ display: 'block', margin: 64 }} />;

  const save = async (v: BenefitForm) => {
    const common = {
      title: v.title.trim(),
      description: v.description.trim(),
      kind: v.kind,
      perPersonLimit: v.perPersonLimit,
      claimStartsAt: v.window[0].toISOString(),
      claimEndsAt: v.window[1].toISOString(),
      pickupDeadline: v.pickupDeadline.toISOString(),
      eligibility: {
        categories: v.categories ?? [],
        gigVerifiedRequired: v.gigVerifiedRequired,
        tags: v.tags ?? [],
        membersOnly: v.membersOnly,
        orgId: v.audienceOrgId ?? null,
      },
      stationIds: v.stationIds,
    };
    setBusy(true);
    try {
      const saved = benefit
        ? await careApi.update(benefit.id, common)
        : await careApi.create({ ...common, stock: v.stock, ownerOrgId: v.ownerOrgId } satisfies BenefitBody);
      void message.success('已保存');
      void navigate(`/care/benefits/${saved.id}`);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/care/benefits">福利发放</Link> }, { title: benefit?.title ?? '新建福利' }]} style={{ marginBottom: 12 }} />
      <PageHeader title={benefit ? '编辑福利' : '新建福利'} />
      <Card>
        <Form<BenefitForm>
          form={form}
          layout="vertical"
          style={{ maxWidth: 760 }}
          onFinish={(values) => void save(values)}
          initialValues={{
            kind: 'pack',
            stock: 100,
            perPersonLimit: 1,
            categories: [],
            gigVerifiedRequired: false,
            tags: [],
            membersOnly: false,
            ownerOrgId: scope.roots[0]?.id,
            audienceOrgId: scope.all ? null : scope.roots[0]?.id,
            stationIds: [],
          }}
        >
          <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, min: 2, max: 60, message: '2–60 个字' }]}>
            <Input placeholder="例如：2026 暖新礼包" />
          </Form.Item>
          <Form.Item name="description" label="说明" rules={[{ required: true, whitespace: true, min: 2, max: 2000, message: '2–2000 个字' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
              <Select style={{ width: 140 }} options={BENEFIT_KINDS.map((k) => ({ value: k, label: BENEFIT_KIND_LABELS[k] }))} />
            </Form.Item>
            {benefit ? null : (
              <Form.Item name="stock" label="初始库存" rules={[{ required: true, type: 'number', min: 1, max: 1_000_000 }]}>
                <InputNumber min={1} max={1_000_000} precision={0} />
              </Form.Item>
            )}
            <Form.Item name="perPersonLimit" label="每人限领" rules={[{ required: true, type: 'number', min: 1, max: 100 }]}>
              <InputNumber min={1} max={100} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="window" label="领取时间" rules={[{ required: true, message: '请选择领取时间' }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="pickupDeadline"
            label="到站领取截止"
            dependencies={['window']}
            rules={[
              { required: true, message: '请选择截止时间' },
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | undefined) => {
                  const window = getFieldValue('window') as [Dayjs, Dayjs] | undefined;
                  return value && window && value.isBefore(window[1]) ? Promise.reject(new Error('不能早于领取结束时间')) : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          {benefit ? null : (
            <Form.Item name="ownerOrgId" label="管理组织" rules={[{ required: true }]} style={{ maxWidth: 360 }}>
              <OrgPicker />
            </Form.Item>
          )}
          <Card size="small" title="领取条件" style={{ marginBottom: 24 }}>
            <Form.Item name="audienceOrgId" label="组织范围" rules={scope.all ? [] : [{ required: true, message: '请选择组织范围' }]} style={{ maxWidth: 360 }}>
              <OrgPicker allowClear={scope.all} placeholder={scope.all ? '全区职工' : '选择组织'} />
            </Form.Item>
            <Form.Item name="categories" label="职工类别（不选为不限）">
              <Select mode="multiple" allowClear options={WORKER_CATEGORIES.map((c) => ({ value: c, label: WORKER_CATEGORY_LABELS[c] }))} />
            </Form.Item>
            <Form.Item name="tags" label="需要的标签（任一即可，不选为不限）">
              <Select mode="multiple" allowClear options={USER_TAGS.map((t) => ({ value: t, label: USER_TAG_LABELS[t] }))} />
            </Form.Item>
            <Space size="large">
              <Form.Item name="gigVerifiedRequired" label="需完成新就业形态认证" valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="membersOnly" label="仅限工会会员" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
          </Card>
          <Form.Item name="stationIds" label="领取站点" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个站点' }]}>
            <Select
              mode="multiple"
              loading={stations.loading}
              placeholder={stations.data?.length === 0 ? '本组织还没有服务站，请先在「服务站点」中添加' : '选择站点'}
              options={(stations.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.org.name}）` }))}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              保存
            </Button>
            <Button onClick={() => void navigate(benefit ? `/care/benefits/${benefit.id}` : '/care/benefits')}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
