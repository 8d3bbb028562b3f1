import type { BenefitView } from '@jingcai/shared';
import { App, Form, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../services/http';
import { careApi } from '../../services/care';

interface StockForm {
  direction: 'add' | 'withdraw';
  amount: number;
}

/** Top up (or withdraw) a benefit's stock; a withdrawal asks once more, since claims may depend on it. */
export function StockModal({ benefit, onClose, onChanged }: { benefit: BenefitView | null; onClose: () => void; onChanged: (b: BenefitView) => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<StockForm>();
  const [busy, setBusy] = useState(false);

  const apply = async ({ direction, amount }: StockForm) => {
    if (!benefit) return;
    const delta = direction === 'add' ? amount : -amount;
    const send = async () => {
      setBusy(true);
      try {
        const updated = await careApi.changeStock(benefit.id, delta);
        void message.success(`库存已${direction === 'add' ? '补充' : '减少'} ${amount}，剩余 ${updated.remainingStock}`);
        form.resetFields();
        onChanged(updated);
      } catch (error) {
        void message.error(errorMessage(error));
      } finally {
        setBusy(false);
      }
    };
    if (direction === 'withdraw') {
      modal.confirm({
        title: `减少库存 ${amount}？`,
        content: '减少后剩余库存不能低于 0，已领取的不受影响。',
        okText: '确认减少',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: send,
      });
    } else {
      await send();
    }
  };

  return (
    <Modal
      title={benefit ? `调整库存 · ${benefit.title}` : ''}
      open={!!benefit}
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      {benefit ? (
        <Typography.Paragraph>
          当前库存：总量 {benefit.totalStock}，剩余 {benefit.remainingStock}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ direction: 'add' }} onFinish={(values) => void apply(values)}>
        <Form.Item name="direction" label="操作">
          <Radio.Group
            options={[
              { value: 'add', label: '补充库存' },
              { value: 'withdraw', label: '减少库存' },
            ]}
          />
        </Form.Item>
        <Form.Item name="amount" label="数量" rules={[{ required: true, type: 'number', min: 1, max: 1_000_000, message: '请输入 1–1000000 的整数' }]}>
          <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} placeholder="例如 50" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
