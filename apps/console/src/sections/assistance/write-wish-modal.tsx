import {
  WISH_AMOUNT_MAX_YUAN,
  WISH_STORY_MAX,
  WISH_STORY_MIN,
  WISH_TITLE_MAX,
  WISH_TITLE_MIN,
} from '@jingcai/shared';
import { Alert, Form, Input, InputNumber } from 'antd';
import { assistanceApi } from '../../services/assistance';
import { FormModal, textRules, type DialogProps } from './form-modal';
import { FamilyPicker } from './worker-picker';

interface Values {
  userId: number;
  title: string;
  story: string;
  amountYuan: number;
}

/**
 * 代写心愿: staff write a wish for a family on the register that cannot write it themselves. It waits for
 * vetting like any wish, by another staff member: nobody vets words they wrote.
 */
export function WriteWishModal({ open, onClose, onDone }: DialogProps) {
  const submit = async (v: Values) => {
    await assistanceApi.writeWish({
      forUserId: v.userId,
      title: v.title.trim(),
      story: v.story.trim(),
      amountYuan: v.amountYuan,
    });
    onDone();
    return '心愿已提交，请其他工作人员审核后发布';
  };

  return (
    <FormModal<Values> title="代写心愿" open={open} okText="提交审核" onClose={onClose} submit={submit}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="代写的心愿须由其他工作人员审核后才会发布。心愿墙只显示姓氏和街道，请不要写出姓名、单位、住址、学校等能认出这户人家的信息。"
      />
      <Form.Item name="userId" label="建档职工" rules={[{ required: true, message: '请选择建档的困难职工' }]}>
        <FamilyPicker />
      </Form.Item>
      <Form.Item name="title" label="心愿" rules={textRules('心愿', WISH_TITLE_MIN, WISH_TITLE_MAX)}>
        <Input maxLength={WISH_TITLE_MAX} placeholder="如：给孩子一个新书包" />
      </Form.Item>
      <Form.Item name="story" label="心愿故事" rules={textRules('心愿故事', WISH_STORY_MIN, WISH_STORY_MAX)}>
        <Input.TextArea
          rows={4}
          maxLength={WISH_STORY_MAX}
          showCount
          placeholder="如：孩子的书包背了四年已经破了，想要一个结实的新书包"
        />
      </Form.Item>
      <Form.Item
        name="amountYuan"
        label={`价值（元，不超过 ${WISH_AMOUNT_MAX_YUAN} 元）`}
        rules={[
          { required: true, message: '请填写心愿的价值' },
          {
            type: 'number',
            min: 1,
            max: WISH_AMOUNT_MAX_YUAN,
            message: `心愿价值为 1–${WISH_AMOUNT_MAX_YUAN} 元`,
          },
        ]}
      >
        <InputNumber min={1} max={WISH_AMOUNT_MAX_YUAN} precision={0} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}
