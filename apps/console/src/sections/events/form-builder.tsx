import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { EVENT_LIMITS, FORM_FIELD_TYPES, type FormFieldType } from '@jingcai/shared';
import { Button, Card, Form, Input, InputNumber, Space, Switch } from 'antd';
import { Select } from '../../components/select';

export const FIELD_TYPE_LABELS: Readonly<Record<FormFieldType, string>> = {
  text: '文字',
  choice: '单选',
  number: '数字',
  date: '日期',
};

/** 报名表: the questions staff add to the sign-up (text, choice, number, date), each required or not. */
export function FormBuilder({ disabled }: { disabled: boolean }) {
  return (
    <Card size="small" title="报名表（选填）" style={{ marginBottom: 24 }}>
      <Form.List name="fields">
        {(rows, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {rows.map((row, index) => (
              <Card
                key={row.key}
                size="small"
                type="inner"
                title={`第 ${index + 1} 项`}
                extra={
                  <Button type="text" danger disabled={disabled} icon={<DeleteOutlined />} aria-label={`删除第 ${index + 1} 项`} onClick={() => remove(row.name)} />
                }
              >
                <Space wrap align="start">
                  <Form.Item
                    name={[row.name, 'label']}
                    label="问题"
                    rules={[{ required: true, whitespace: true, max: EVENT_LIMITS.fieldLabelMax, message: `1–${EVENT_LIMITS.fieldLabelMax} 个字` }]}
                  >
                    <Input disabled={disabled} placeholder="例如：衣服尺码" style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'type']} label="类型" rules={[{ required: true }]}>
                    <Select disabled={disabled} style={{ width: 100 }} options={FORM_FIELD_TYPES.map((t) => ({ value: t, label: FIELD_TYPE_LABELS[t] }))} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'required']} label="必填" valuePropName="checked">
                    <Switch disabled={disabled} />
                  </Form.Item>
                </Space>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const type = getFieldValue(['fields', row.name, 'type']) as FormFieldType | undefined;
                    if (type === 'choice') {
                      return (
                        <Form.Item
                          name={[row.name, 'options']}
                          label="选项（输入后回车）"
                          rules={[{ required: true, type: 'array', min: 2, max: EVENT_LIMITS.choiceOptionsMax, message: `2–${EVENT_LIMITS.choiceOptionsMax} 个选项` }]}
                        >
                          <Select mode="tags" disabled={disabled} open={false} tokenSeparators={[',', '，']} placeholder="例如：M、L、XL" />
                        </Form.Item>
                      );
                    }
                    if (type === 'number') {
                      return (
                        <Space>
                          <Form.Item name={[row.name, 'min']} label="最小值">
                            <InputNumber disabled={disabled} />
                          </Form.Item>
                          <Form.Item name={[row.name, 'max']} label="最大值">
                            <InputNumber disabled={disabled} />
                          </Form.Item>
                        </Space>
                      );
                    }
                    return null;
                  }}
                </Form.Item>
              </Card>
            ))}
            <Button
              type="dashed"
              block
              disabled={disabled || rows.length >= EVENT_LIMITS.formFieldsMax}
              icon={<PlusOutlined />}
              onClick={() => add({ label: '', type: 'text', required: true, options: [] })}
            >
              添加报名问题
            </Button>
          </Space>
        )}
      </Form.List>
    </Card>
  );
}
