import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { EVENT_LIMITS, type SessionView } from '@jingcai/shared';
import { Button, Card, DatePicker, Form, Input, InputNumber, Space, Table } from 'antd';
import { formatTime } from '../../format';

/** 场次: each with its own time and capacity (a health check's 8:00–8:30 × 10); fixed once created. */
export function SessionsEditor() {
  return (
    <Card size="small" title="场次与名额" style={{ marginBottom: 24 }}>
      <Form.List
        name="sessions"
        rules={[
          {
            validator: (_, rows: unknown[] | undefined) =>
              rows && rows.length > 0 ? Promise.resolve() : Promise.reject(new Error('至少添加一个场次')),
          },
        ]}
      >
        {(rows, { add, remove }, { errors }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {rows.map((row, index) => (
              <Space key={row.key} wrap align="start">
                <Form.Item
                  name={[row.name, 'label']}
                  label={`场次 ${index + 1} 名称`}
                  rules={[{ required: true, whitespace: true, max: EVENT_LIMITS.sessionLabelMax, message: `1–${EVENT_LIMITS.sessionLabelMax} 个字` }]}
                >
                  <Input placeholder="例如：上午第一场" style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name={[row.name, 'time']} label="时间" rules={[{ required: true, message: '请选择时间' }]}>
                  <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
                </Form.Item>
                <Form.Item name={[row.name, 'capacity']} label="名额" rules={[{ required: true, type: 'number', min: 1, max: EVENT_LIMITS.capacityMax }]}>
                  <InputNumber min={1} max={EVENT_LIMITS.capacityMax} precision={0} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除场次 ${index + 1}`} style={{ marginTop: 30 }} onClick={() => remove(row.name)} />
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              block
              disabled={rows.length >= EVENT_LIMITS.sessionsMax}
              icon={<PlusOutlined />}
              onClick={() => add({ label: '', capacity: 10 })}
            >
              添加场次
            </Button>
          </Space>
        )}
      </Form.List>
    </Card>
  );
}

/** Once created, the sessions are shown, not edited: places were promised against them. */
export function SessionsTable({ sessions }: { sessions: SessionView[] }) {
  return (
    <Card size="small" title="场次与名额（创建后不可修改）" style={{ marginBottom: 24 }}>
      <Table<SessionView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={sessions}
        columns={[
          { title: '场次', dataIndex: 'label' },
          { title: '时间', render: (_, s) => `${formatTime(s.startsAt)} 至 ${formatTime(s.endsAt)}` },
          { title: '名额', dataIndex: 'capacity' },
          { title: '剩余', dataIndex: 'remaining' },
          { title: '报名', dataIndex: 'signups' },
        ]}
      />
    </Card>
  );
}
