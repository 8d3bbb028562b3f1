import { FEEDBACK_CATEGORY_LABELS, FEEDBACK_REPLY_MAX, type FeedbackView } from '@jingcai/shared';
import { Descriptions, Form, Image, Input, Modal, Space, Typography } from 'antd';
import { formatTime } from '../../format';

/** The item in full (text, photos, who to call back) and the reply, which the worker is notified of. */
export function ReplyModal({
  item,
  busy,
  onCancel,
  onReply,
}: {
  item: FeedbackView | null;
  busy: boolean;
  onCancel: () => void;
  /** Resolves true once the reply is recorded; the form is then cleared for the next one. */
  onReply: (text: string) => Promise<boolean>;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const submit = async ({ text }: { text: string }) => {
    if (await onReply(text.trim())) form.resetFields();
  };
  return (
    <Modal
      title="答复投诉建议"
      open={item !== null}
      okText="发送答复"
      okButtonProps={{ loading: busy }}
      cancelText="取消"
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      {item && (
        <>
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="类型">{FEEDBACK_CATEGORY_LABELS[item.category]}</Descriptions.Item>
            <Descriptions.Item label="提交人">
              {item.senderName}
              {item.wantsContact ? `（希望联系：${item.senderPhone ?? '未绑定手机号'}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="提交时间">{formatTime(item.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="内容">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{item.text}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          {item.photos.length > 0 && (
            <Space wrap style={{ marginBottom: 16 }}>
              {item.photos.map((photo, index) => (
                <Image key={photo.id} src={photo.url} width={96} alt={`照片 ${index + 1}`} />
              ))}
            </Space>
          )}
          <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
            <Form.Item
              name="text"
              label="答复内容（职工可见）"
              rules={[
                { required: true, whitespace: true, message: '请填写答复内容' },
                { min: 2, max: FEEDBACK_REPLY_MAX, message: `2–${FEEDBACK_REPLY_MAX} 个字` },
              ]}
            >
              <Input.TextArea rows={4} maxLength={FEEDBACK_REPLY_MAX} showCount placeholder="说明处理结果或安排" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
