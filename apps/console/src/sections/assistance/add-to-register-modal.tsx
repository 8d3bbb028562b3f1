import { ASSISTANCE_NOTE_MAX } from '@jingcai/shared';
import { Form, Input } from 'antd';
import { assistanceApi } from '../../services/assistance';
import { FormModal, type DialogProps } from './form-modal';
import { WorkerPicker } from './worker-picker';

interface Values {
  userId: number;
  note?: string;
}

/**
 * 新增建档: staff put a family of their subtree on the register directly (a granted application does it on its
 * own). Being on the register is what lets a family write a 微心愿; it is reviewed once a year.
 */
export function AddToRegisterModal({ open, onClose, onDone }: DialogProps) {
  const submit = async (v: Values) => {
    const entry = await assistanceApi.addToRegister({ userId: v.userId, note: v.note?.trim() || undefined });
    onDone();
    return `已为 ${entry.name} 建档，一年后复核`;
  };

  return (
    <FormModal<Values> title="新增建档" open={open} okText="确认建档" onClose={onClose} submit={submit}>
      <Form.Item name="userId" label="建档职工" rules={[{ required: true, message: '请选择建档的职工' }]}>
        <WorkerPicker />
      </Form.Item>
      <Form.Item
        name="note"
        label="建档说明（内部记录，职工不可见）"
        rules={[{ max: ASSISTANCE_NOTE_MAX, message: `建档说明最多 ${ASSISTANCE_NOTE_MAX} 个字` }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={ASSISTANCE_NOTE_MAX}
          showCount
          placeholder="如：因病致困，每年春节前慰问"
        />
      </Form.Item>
    </FormModal>
  );
}
