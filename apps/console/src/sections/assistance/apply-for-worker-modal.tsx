import {
  ASSISTANCE_FAMILY_SITUATION_MAX,
  ASSISTANCE_HOUSEHOLD_MAX,
  ASSISTANCE_INCOME_MAX,
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_KINDS,
  ASSISTANCE_MAX_DOCUMENTS,
  ASSISTANCE_REASONS_MAX,
  ASSISTANCE_TEXT_MIN,
  type CreateApplicationRequest,
} from '@jingcai/shared';
import { Alert, Checkbox, Flex, Form, Input, InputNumber, Radio } from 'antd';
import { assistanceApi } from '../../services/assistance';
import { FormModal, textRules, type DialogProps } from './form-modal';
import { PhotoUpload } from './photo-upload';
import { WorkerPicker } from './worker-picker';

/** The application as the API takes it, for the worker picked, with the staff member's consent box. */
type Values = Omit<CreateApplicationRequest, 'onBehalfOfUserId' | 'consentRecorded'> & {
  userId: number;
  consent: boolean;
};

/** The box is the staff member's word that the worker agreed: nothing is sent until it is ticked. */
const consentRule = {
  validator: (_: unknown, checked: boolean | undefined) =>
    checked ? Promise.resolve() : Promise.reject(new Error('代为申请前须征得职工本人同意，请确认后勾选')),
};

/**
 * 代为申请: staff apply for a worker of their subtree who cannot do it on the phone, with the worker's consent
 * recorded. The worker is told and follows it in the mini-program; the application runs up the tree as any.
 */
export function ApplyForWorkerModal({ open, onClose, onDone }: DialogProps) {
  const submit = async (v: Values) => {
    await assistanceApi.applyFor({
      onBehalfOfUserId: v.userId,
      consentRecorded: v.consent,
      kind: v.kind,
      familySituation: v.familySituation.trim(),
      householdSize: v.householdSize,
      monthlyIncomePerMember: v.monthlyIncomePerMember,
      reasons: v.reasons.trim(),
      ...(v.documentUploadIds?.length ? { documentUploadIds: v.documentUploadIds } : {}),
    });
    onDone();
    return '已代职工提交申请，职工会收到通知';
  };

  return (
    <FormModal<Values> title="代为申请帮扶" open={open} okText="提交申请" onClose={onClose} submit={submit}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="代为申请须事先征得职工本人同意。提交后职工会收到通知，可在小程序中查看每一步进度。"
      />
      <Form.Item name="userId" label="申请职工" rules={[{ required: true, message: '请选择申请帮扶的职工' }]}>
        <WorkerPicker />
      </Form.Item>
      <Form.Item name="kind" label="帮扶类型" rules={[{ required: true, message: '请选择帮扶类型' }]}>
        <Radio.Group
          options={ASSISTANCE_KINDS.map((k) => ({ value: k, label: ASSISTANCE_KIND_LABELS[k] }))}
        />
      </Form.Item>
      <Form.Item
        name="familySituation"
        label="家庭情况"
        rules={textRules('家庭情况', ASSISTANCE_TEXT_MIN, ASSISTANCE_FAMILY_SITUATION_MAX)}
      >
        <Input.TextArea
          rows={3}
          maxLength={ASSISTANCE_FAMILY_SITUATION_MAX}
          showCount
          placeholder="如：爱人长期患病在家，孩子读初二，全家靠一人收入"
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="householdSize"
          label="家庭人口（人）"
          rules={[{ required: true, message: '请填写家庭人口' }]}
        >
          <InputNumber min={1} max={ASSISTANCE_HOUSEHOLD_MAX} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="monthlyIncomePerMember"
          label="家庭人均月收入（元）"
          rules={[{ required: true, message: '请填写家庭人均月收入，没有收入填 0' }]}
        >
          <InputNumber min={0} max={ASSISTANCE_INCOME_MAX} precision={2} style={{ width: 200 }} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="reasons"
        label="申请理由"
        rules={textRules('申请理由', ASSISTANCE_TEXT_MIN, ASSISTANCE_REASONS_MAX)}
      >
        <Input.TextArea rows={3} maxLength={ASSISTANCE_REASONS_MAX} showCount />
      </Form.Item>
      <Form.Item name="documentUploadIds" label="证明材料照片（选填，仅审核人员可见）">
        <PhotoUpload purpose="assistance_document" max={ASSISTANCE_MAX_DOCUMENTS} label="添加证明材料" />
      </Form.Item>
      <Form.Item name="consent" valuePropName="checked" rules={[consentRule]}>
        <Checkbox>已征得职工本人同意</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
