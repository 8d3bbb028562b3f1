import {
  ASSISTANCE_GRANT_KIND_LABELS,
  ASSISTANCE_GRANT_KINDS,
  ASSISTANCE_GRANT_MAX,
  ASSISTANCE_MAX_VISIT_PHOTOS,
  ASSISTANCE_NOTE_MAX,
  ASSISTANCE_REASON_MAX,
  ASSISTANCE_REASON_MIN,
  ASSISTANCE_VISIT_NOTES_MAX,
  ASSISTANCE_VISITORS_MAX,
  type ApplicationAction,
  type AssistanceGrantKind,
  type StaffApplicationView,
} from '@jingcai/shared';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import { Select } from '../../components/select';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../services/http';
import { assistanceApi } from '../../services/assistance';
import { PhotoUpload } from './photo-upload';

const ACTION_LABELS: Record<ApplicationAction, string> = {
  visit: '记录入户走访',
  check: '审核通过',
  approve: '街道审批通过',
  grant: '发放帮扶',
  return: '退回',
};

const DONE_MESSAGES: Record<ApplicationAction, string> = {
  visit: '走访记录已保存',
  check: '已审核通过，转街道工会审批',
  approve: '已审批通过，转区总工会发放',
  grant: '已登记发放，申请人会收到通知',
  return: '已退回，申请人会收到通知',
};

interface Values {
  date?: Dayjs;
  visitors?: string;
  notes?: string;
  note?: string;
  amount?: number;
  kind?: AssistanceGrantKind;
  reason?: string;
}

/** Today as a Shanghai day: the console runs in the district, and the API checks it again. */
const today = () => dayjs();
const day = (value: Dayjs | undefined) => (value ?? today()).format('YYYY-MM-DD');

/**
 * The buttons for what the viewer may do now (the API says which), each opening a form that is its
 * confirmation: the home visit, check and approve (an internal note), the grant, a return with its reason.
 */
export function ReviewActions({
  application,
  onChanged,
}: {
  application: StaffApplicationView;
  onChanged: (next: StaffApplicationView) => void;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<ApplicationAction | null>(null);
  // The dialog keeps its title while it closes (an untitled dialog has no accessible name: axe aria-dialog-name).
  const [titled, setTitled] = useState<ApplicationAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [form] = Form.useForm<Values>();
  const { id } = application;

  const send = (action: ApplicationAction, v: Values): Promise<StaffApplicationView> => {
    switch (action) {
      case 'visit':
        return assistanceApi.visit(id, {
          date: day(v.date),
          visitors: (v.visitors ?? '').trim(),
          notes: (v.notes ?? '').trim(),
          ...(photoIds.length ? { photoUploadIds: photoIds } : {}),
        });
      case 'check':
        return assistanceApi.check(id, { note: v.note?.trim() || undefined });
      case 'approve':
        return assistanceApi.approve(id, { note: v.note?.trim() || undefined });
      case 'grant':
        return assistanceApi.grant(id, { amount: v.amount ?? 0, kind: v.kind as AssistanceGrantKind, date: day(v.date) });
      case 'return':
        return assistanceApi.sendBack(id, { reason: (v.reason ?? '').trim() });
    }
  };

  const submit = async () => {
    if (!open) return;
    // A field that fails shows its own message under it.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      const next = await send(open, values);
      void message.success(DONE_MESSAGES[open]);
      setOpen(null);
      onChanged(next);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const start = (action: ApplicationAction) => {
    form.resetFields();
    setPhotoIds([]);
    setOpen(action);
    setTitled(action);
  };

  if (application.actions.length === 0) return null;
  return (
    <>
      <Space wrap>
        {application.actions.map((action) => (
          <Button key={action} type={action === 'return' ? 'default' : 'primary'} danger={action === 'return'} onClick={() => start(action)}>
            {action === 'visit' && application.visit ? '更新走访记录' : ACTION_LABELS[action]}
          </Button>
        ))}
      </Space>
      <Modal
        title={titled ? ACTION_LABELS[titled] : ''}
        open={open !== null}
        okText={open === 'return' ? '确认退回' : '确认'}
        okButtonProps={{ loading: busy, danger: open === 'return' }}
        cancelText="取消"
        onCancel={() => setOpen(null)}
        onOk={() => void submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ date: today(), amount: 0 }} preserve={false}>
          {open === 'visit' && <VisitFields onPhotos={setPhotoIds} />}
          {(open === 'check' || open === 'approve') && (
            <Form.Item name="note" label="审核意见（内部记录，申请人不可见）" rules={[{ max: ASSISTANCE_NOTE_MAX }]}>
              <Input.TextArea rows={3} maxLength={ASSISTANCE_NOTE_MAX} />
            </Form.Item>
          )}
          {open === 'grant' && <GrantFields />}
          {open === 'return' && (
            <Form.Item
              name="reason"
              label="退回原因（申请人可见）"
              rules={[
                { required: true, whitespace: true, message: '退回必须说明原因' },
                { min: ASSISTANCE_REASON_MIN, max: ASSISTANCE_REASON_MAX, message: `${ASSISTANCE_REASON_MIN}–${ASSISTANCE_REASON_MAX} 个字` },
              ]}
            >
              <Input.TextArea rows={3} maxLength={ASSISTANCE_REASON_MAX} showCount placeholder="如：请补充医院诊断证明" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

const notFuture = (current: Dayjs) => current.isAfter(today(), 'day');

function VisitFields({ onPhotos }: { onPhotos: (ids: string[]) => void }) {
  return (
    <>
      <Form.Item name="date" label="走访日期" rules={[{ required: true, message: '请选择走访日期' }]}>
        <DatePicker disabledDate={notFuture} aria-label="走访日期" />
      </Form.Item>
      <Form.Item name="visitors" label="走访人员" rules={[{ required: true, whitespace: true, message: '请填写走访人员' }, { max: ASSISTANCE_VISITORS_MAX }]}>
        <Input maxLength={ASSISTANCE_VISITORS_MAX} placeholder="如：李干事、王主席" />
      </Form.Item>
      <Form.Item name="notes" label="走访情况" rules={[{ required: true, whitespace: true, message: '请填写走访情况' }, { max: ASSISTANCE_VISIT_NOTES_MAX }]}>
        <Input.TextArea rows={4} maxLength={ASSISTANCE_VISIT_NOTES_MAX} showCount />
      </Form.Item>
      <Form.Item label="走访照片（选填，仅工作人员可见）">
        <PhotoUpload purpose="assistance_photo" max={ASSISTANCE_MAX_VISIT_PHOTOS} label="添加走访照片" onChange={onPhotos} />
      </Form.Item>
    </>
  );
}

function GrantFields() {
  return (
    <>
      <Form.Item name="kind" label="帮扶方式" rules={[{ required: true, message: '请选择帮扶方式' }]}>
        <Select
          aria-label="帮扶方式"
          options={ASSISTANCE_GRANT_KINDS.map((kind) => ({ value: kind, label: ASSISTANCE_GRANT_KIND_LABELS[kind] }))}
        />
      </Form.Item>
      <Form.Item name="amount" label="金额（元，非现金帮扶填 0）" rules={[{ required: true, message: '请填写金额' }]}>
        <InputNumber aria-label="金额（元）" min={0} max={ASSISTANCE_GRANT_MAX} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="date" label="发放日期" rules={[{ required: true, message: '请选择发放日期' }]}>
        <DatePicker aria-label="发放日期" />
      </Form.Item>
    </>
  );
}
