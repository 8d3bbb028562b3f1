import { AMENITIES, AMENITY_LABELS, type Amenity, type StationView } from '@jingcai/shared';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { OrgPicker } from '../../components/org-picker';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { errorMessage } from '../../services/http';
import { careApi } from '../../services/care';
import { useScope } from '../../session/scope-context';
import { useScopedStations } from './use-scoped-stations';

interface StationForm {
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  hours: string;
  amenities: Amenity[];
  orgId: number;
}

/** Service stations (户外劳动者服务站 / 职工驿站) of the staff member's subtree, with their coordinates. */
export default function StationsPage() {
  const { message } = App.useApp();
  const { scope } = useScope();
  const stations = useScopedStations();
  const [editing, setEditing] = useState<StationView | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<StationForm>();

  const open = (target: StationView | 'new') => {
    setEditing(target);
    form.setFieldsValue(
      target === 'new'
        ? { name: '', address: '', hours: '08:00-20:00', amenities: ['water', 'rest'], orgId: scope.roots[0]?.id, latitude: undefined, longitude: undefined }
        : { ...target, orgId: target.org.id },
    );
  };

  const save = async (values: StationForm) => {
    setBusy(true);
    try {
      const body = { ...values, name: values.name.trim(), address: values.address.trim(), hours: values.hours.trim() };
      if (editing === 'new') await careApi.createStation(body);
      else if (editing) await careApi.updateStation(editing.id, body);
      void message.success('已保存');
      setEditing(null);
      stations.reload();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="服务站点"
        sub="职工在小程序中按距离由近到远查看站点；坐标使用 GCJ-02（微信地图）"
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>新增站点</Button>}
      />
      <ErrorAlert error={stations.error} onRetry={stations.reload} />
      <Table<StationView>
        rowKey="id"
        loading={stations.loading}
        dataSource={stations.data ?? []}
        locale={{ emptyText: '本组织还没有服务站' }}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 个站点` }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '地址', dataIndex: 'address' },
          { title: '坐标', render: (_, s) => `${s.latitude.toFixed(4)}, ${s.longitude.toFixed(4)}` },
          { title: '开放时间', dataIndex: 'hours' },
          { title: '设施', render: (_, s) => s.amenities.map((a) => <Tag key={a}>{AMENITY_LABELS[a]}</Tag>) },
          { title: '所属组织', render: (_, s) => s.org.name },
          { title: '操作', render: (_, s) => <Button type="link" onClick={() => open(s)}>编辑</Button> },
        ]}
      />
      <Modal
        title={editing === 'new' ? '新增站点' : '编辑站点'}
        open={editing !== null}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        forceRender
        width={600}
      >
        <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, min: 2, max: 60 }]}>
            <Input placeholder="例如：大市口户外劳动者服务站" />
          </Form.Item>
          <Form.Item name="address" label="地址" rules={[{ required: true, whitespace: true, min: 2, max: 120 }]}>
            <Input />
          </Form.Item>
          <Space size="large">
            <Form.Item name="latitude" label="纬度" rules={[{ required: true, type: 'number', min: -90, max: 90, message: '-90 到 90' }]}>
              <InputNumber step={0.0001} precision={6} style={{ width: 180 }} placeholder="32.2047" />
            </Form.Item>
            <Form.Item name="longitude" label="经度" rules={[{ required: true, type: 'number', min: -180, max: 180, message: '-180 到 180' }]}>
              <InputNumber step={0.0001} precision={6} style={{ width: 180 }} placeholder="119.4551" />
            </Form.Item>
          </Space>
          <Form.Item name="hours" label="开放时间" rules={[{ required: true, whitespace: true, min: 2, max: 64 }]}>
            <Input placeholder="08:00-20:00" />
          </Form.Item>
          <Form.Item name="amenities" label="设施">
            <Checkbox.Group options={AMENITIES.map((a) => ({ value: a, label: AMENITY_LABELS[a] }))} />
          </Form.Item>
          <Form.Item name="orgId" label="所属组织" rules={[{ required: true }]}>
            <OrgPicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
