import { REJECT_REASON_MAX_LENGTH } from '@jingcai/shared';
import { Form, Input, Modal } from 'antd';

/** The reason staff give when they turn an application down: required, and shown to the applicant. */
export function RejectReasonModal({
  title,
  open,
  busy,
  placeholder,
  onCancel,
  onReject,
}: {
  title: string;
  open: boolean;
  busy: boolean;
  placeholder: string;
  onCancel: () => void;
  /** Resolves true once the rejection is recorded; the form is then cleared for the next one. */
  onReject: (reason: string) => Promise<boolean>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async ({ reason }: { reason: string }) => {
    if (await onReject(reason.trim())) form.resetFields();
  };
  return (
    <Modal
      title={title}
      open={open}
      okText="确认驳回"
      okButtonProps={{ danger: true, loading: busy }}
      cancelText="取消"
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label="驳回原因（申请人可见）"
          rules={[
            { required: true, whitespace: true, message: '请填写驳回原因' },
            { min: 2, max: REJECT_REASON_MAX_LENGTH, message: `2–${REJECT_REASON_MAX_LENGTH} 个字` },
          ]}
        >
          <Input.TextArea rows={3} maxLength={REJECT_REASON_MAX_LENGTH} showCount placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
