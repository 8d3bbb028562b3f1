import {
  ALLOCATION_LABELS,
  ALLOCATIONS,
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  EVENT_LIMITS,
  USER_TAG_LABELS,
  USER_TAGS,
  WORKER_CATEGORIES,
  WORKER_CATEGORY_LABELS,
} from '@jingcai/shared';
import { Alert, App, Breadcrumb, Button, Card, DatePicker, Form, Input, InputNumber, Space, Spin, Switch } from 'antd';
import { Select } from '../../components/select';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { OrgPicker } from '../../components/org-picker';
import { ErrorResult } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { eventsApi } from '../../services/events';
import { useScope } from '../../session/scope-context';
import { CoverUpload } from './cover-upload';
import { rulesLocked, toCreateRequest, toEventForm, toUpdateRequest, type EventForm } from './event-form';
import { FormBuilder } from './form-builder';
import { SessionsEditor, SessionsTable } from './sessions-editor';

const DEFAULT_PLACE = { latitude: 32.2044, longitude: 119.4549 };

/** Create or edit an event: what, where, who may sign up, when, how places are given, and the sign-up form. */
export default function EventEditorPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { scope } = useScope();
  const [form] = Form.useForm<EventForm>();
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => (id ? eventsApi.event(id) : Promise.resolve(null)), [id]);
  const state = useRequest(load);
  const event = state.data ?? null;
  const locked = rulesLocked(event);

  useEffect(() => {
    if (event) form.setFieldsValue(toEventForm(event));
  }, [event, form]);

  if (state.error) return <ErrorResult error={state.error} onRetry={state.reload} />;
  if (id && !event) return <Spin style={{ display: 'block', margin: 64 }} />;

  const save = async (v: EventForm) => {
    setBusy(true);
    try {
      const saved = event ? await eventsApi.update(event.id, toUpdateRequest(v)) : await eventsApi.create(toCreateRequest(v));
      void message.success('已保存');
      void navigate(`/events/${saved.id}`);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Breadcrumb items={[{ title: <Link to="/events">活动报名</Link> }, { title: event?.title ?? '新建活动' }]} style={{ marginBottom: 12 }} />
      <PageHeader title={event ? '编辑活动' : '新建活动'} />
      {locked ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="报名已开始：报名时间、条件、人数限制和报名表不能再修改；标题、说明、封面和地点仍可修改。"
        />
      ) : null}
      <Card>
        <Form<EventForm>
          form={form}
          layout="vertical"
          style={{ maxWidth: 900 }}
          onFinish={(values) => void save(values)}
          initialValues={{
            kind: 'sports',
            allocation: 'first_come',
            coverId: null,
            perPersonLimit: 1,
            noShowRule: false,
            offerHours: 24,
            categories: [],
            tags: [],
            gigVerifiedRequired: false,
            membersOnly: false,
            ownerOrgId: scope.roots[0]?.id,
            audienceOrgId: scope.all ? null : scope.roots[0]?.id,
            fields: [],
            sessions: [],
            ...DEFAULT_PLACE,
          }}
        >
          <Form.Item name="title" label="活动名称" rules={[{ required: true, whitespace: true, min: 2, max: EVENT_LIMITS.titleMax, message: `2–${EVENT_LIMITS.titleMax} 个字` }]}>
            <Input placeholder="例如：2026 职工乒乓球赛" />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="kind" label="活动类型" rules={[{ required: true }]}>
              <Select disabled={event !== null} style={{ width: 160 }} options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))} />
            </Form.Item>
            <Form.Item name="allocation" label="名额分配" rules={[{ required: true }]} extra="公开抽签：报名截止后按公开的种子抽签，可复算">
              <Select disabled={event !== null} style={{ width: 160 }} options={ALLOCATIONS.map((a) => ({ value: a, label: ALLOCATION_LABELS[a] }))} />
            </Form.Item>
            {event ? null : (
              <Form.Item name="ownerOrgId" label="主办组织" rules={[{ required: true }]} style={{ minWidth: 280 }}>
                <OrgPicker />
              </Form.Item>
            )}
          </Space>
          <Form.Item name="description" label="活动说明" rules={[{ required: true, whitespace: true, min: 2, max: EVENT_LIMITS.descriptionMax, message: `2–${EVENT_LIMITS.descriptionMax} 个字` }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="coverId" label="封面图片（选填）">
            <CoverUpload initialUrl={event?.cover?.url ?? null} />
          </Form.Item>
          <Space size="large" wrap align="start">
            <Form.Item name="venue" label="活动地点" rules={[{ required: true, whitespace: true, max: EVENT_LIMITS.venueMax, message: `1–${EVENT_LIMITS.venueMax} 个字` }]} style={{ minWidth: 320 }}>
              <Input placeholder="例如：区职工文体中心二楼" />
            </Form.Item>
            <Form.Item name="latitude" label="纬度" rules={[{ required: true, type: 'number', min: -90, max: 90 }]}>
              <InputNumber step={0.0001} precision={6} />
            </Form.Item>
            <Form.Item name="longitude" label="经度" rules={[{ required: true, type: 'number', min: -180, max: 180 }]}>
              <InputNumber step={0.0001} precision={6} />
            </Form.Item>
          </Space>

          {event ? <SessionsTable sessions={event.sessions} /> : <SessionsEditor />}

          <Card size="small" title="报名规则" style={{ marginBottom: 24 }}>
            <Form.Item name="window" label="报名时间" rules={[{ required: true, message: '请选择报名时间' }]}>
              <DatePicker.RangePicker disabled={locked} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
            <Space size="large" wrap>
              <Form.Item
                name="cancelDeadline"
                label="取消截止"
                dependencies={['window']}
                rules={[
                  { required: true, message: '请选择取消截止时间' },
                  ({ getFieldValue }) => ({
                    validator: (_, value: Dayjs | undefined) => {
                      const window = getFieldValue('window') as [Dayjs, Dayjs] | undefined;
                      return value && window && value.isBefore(window[0]) ? Promise.reject(new Error('不能早于报名开始时间')) : Promise.resolve();
                    },
                  }),
                ]}
              >
                <DatePicker disabled={locked} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
              <Form.Item name="perPersonLimit" label="每人可报场次" rules={[{ required: true, type: 'number', min: 1, max: EVENT_LIMITS.perPersonMax }]}>
                <InputNumber disabled={locked} min={1} max={EVENT_LIMITS.perPersonMax} precision={0} />
              </Form.Item>
              <Form.Item name="offerHours" label="候补确认时限（小时）" rules={[{ required: true, type: 'number', min: EVENT_LIMITS.offerHoursMin, max: EVENT_LIMITS.offerHoursMax }]}>
                <InputNumber disabled={locked} min={EVENT_LIMITS.offerHoursMin} max={EVENT_LIMITS.offerHoursMax} precision={0} />
              </Form.Item>
              <Form.Item name="noShowRule" label="爽约 2 次及以上者抽签靠后" valuePropName="checked">
                <Switch disabled={locked} />
              </Form.Item>
            </Space>
          </Card>

          <Card size="small" title="报名条件" style={{ marginBottom: 24 }}>
            <Form.Item name="audienceOrgId" label="组织范围" rules={scope.all ? [] : [{ required: true, message: '请选择组织范围' }]} style={{ maxWidth: 360 }}>
              <OrgPicker allowClear={scope.all} placeholder={scope.all ? '全区职工' : '选择组织'} />
            </Form.Item>
            <Form.Item name="categories" label="职工类别（不选为不限）">
              <Select disabled={locked} mode="multiple" allowClear options={WORKER_CATEGORIES.map((c) => ({ value: c, label: WORKER_CATEGORY_LABELS[c] }))} />
            </Form.Item>
            <Form.Item name="tags" label="需要的标签（任一即可，不选为不限）">
              <Select disabled={locked} mode="multiple" allowClear options={USER_TAGS.map((t) => ({ value: t, label: USER_TAG_LABELS[t] }))} />
            </Form.Item>
            <Space size="large">
              <Form.Item name="gigVerifiedRequired" label="需完成新就业形态认证" valuePropName="checked">
                <Switch disabled={locked} />
              </Form.Item>
              <Form.Item name="membersOnly" label="仅限工会会员" valuePropName="checked">
                <Switch disabled={locked} />
              </Form.Item>
            </Space>
          </Card>

          <FormBuilder disabled={locked} />

          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              保存
            </Button>
            <Button onClick={() => void navigate(event ? `/events/${event.id}` : '/events')}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
