import {
  PHONE_PATTERN,
  USER_TAG_LABELS,
  WORKER_CATEGORY_LABELS,
  type MeView,
  type Role,
} from '@jingcai/shared';
import { MinusSquareOutlined, PlusSquareOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { Select } from '../../components/select';
import { useState } from 'react';
import { OrgPicker } from '../../components/org-picker';
import { PageHeader } from '../../components/page-header';
import { errorMessage } from '../../services/http';
import { adminUsersApi } from '../../services/users';

const ROLE_LABELS: Record<Role, string> = { worker: '职工', staff: '工作人员', lawyer: '律师', admin: '管理员' };

/** Admins: find a person by their full phone number, see their tags, grant or revoke roles. */
export default function UsersPage() {
  const { message } = App.useApp();
  const [found, setFound] = useState<MeView[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [phone, setPhone] = useState('');

  const search = async (value: string) => {
    setSearching(true);
    try {
      setPhone(value);
      setFound(await adminUsersApi.findByPhone(value));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSearching(false);
    }
  };

  return (
    <>
      <PageHeader title="用户与权限" sub="按完整手机号查找用户（系统只保存手机号的加密哈希，不支持模糊查找）" />
      <Form layout="inline" onFinish={(v: { phone: string }) => void search(v.phone.trim())} style={{ marginBottom: 16 }}>
        <Form.Item name="phone" rules={[{ required: true, pattern: PHONE_PATTERN, message: '请输入 11 位手机号' }]}>
          <Input placeholder="11 位手机号" maxLength={11} style={{ width: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={searching}>
          查找
        </Button>
      </Form>
      {found === null ? null : found.length === 0 ? (
        <Empty description="没有找到该手机号的用户" />
      ) : (
        <Table<MeView>
          rowKey="id"
          dataSource={found}
          pagination={false}
          columns={[
            { title: '姓名', render: (_, u) => u.realName ?? u.nickname ?? '—' },
            { title: '手机号', dataIndex: 'phone' },
            { title: '组织', render: (_, u) => u.org?.name ?? '—' },
            { title: '身份', render: (_, u) => (u.category ? WORKER_CATEGORY_LABELS[u.category] : '—') },
            { title: '标签', render: (_, u) => u.tags.map((t) => <Tag key={t}>{USER_TAG_LABELS[t]}</Tag>) },
            { title: '会员号', render: (_, u) => u.memberNo ?? '—' },
            { title: '角色', render: (_, u) => u.roles.map((r) => <Tag key={r} color={r === 'worker' ? undefined : 'red'}>{ROLE_LABELS[r]}</Tag>) },
          ]}
          expandable={{
            expandedRowRender: (user) => <RoleEditor user={user} onChanged={() => void search(phone)} />,
            rowExpandable: () => true,
            // A named button of our own: antd's icon button was reported nameless here (axe button-name).
            expandIcon: ({ expanded, onExpand, record }) => (
              <Button
                type="text"
                size="small"
                aria-label={expanded ? `收起 ${record.realName ?? record.nickname ?? ''} 的角色` : `编辑 ${record.realName ?? record.nickname ?? ''} 的角色`}
                aria-expanded={expanded}
                icon={expanded ? <MinusSquareOutlined /> : <PlusSquareOutlined />}
                onClick={(event) => onExpand(record, event)}
              />
            ),
          }}
        />
      )}
    </>
  );
}

function RoleEditor({ user, onChanged }: { user: MeView; onChanged: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ role: Role; orgId?: number | null }>();
  const role = Form.useWatch('role', form);
  const [busy, setBusy] = useState(false);

  const act = async (kind: 'grant' | 'revoke') => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const body = { role: values.role, ...(values.role === 'staff' && values.orgId ? { orgId: values.orgId } : {}) };
      if (kind === 'grant') await adminUsersApi.grant(user.id, body);
      else await adminUsersApi.revoke(user.id, body);
      void message.success(kind === 'grant' ? '已授予，对方重新登录后生效' : '已撤销，对方最迟 15 分钟后失去权限');
      onChanged();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="调整角色">
      <Form form={form} layout="inline" initialValues={{ role: 'staff' }}>
        <Form.Item name="role" rules={[{ required: true }]}>
          <Select
            style={{ width: 140 }}
            options={(['staff', 'lawyer', 'admin'] as const).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
        </Form.Item>
        {role === 'staff' ? (
          <Form.Item name="orgId" rules={[{ required: true, message: '请选择管理的组织' }]} style={{ width: 280 }}>
            <OrgPicker placeholder="管理的组织（含下级）" />
          </Form.Item>
        ) : null}
        <Space>
          <Button type="primary" loading={busy} onClick={() => void act('grant')}>
            授予
          </Button>
          <Popconfirm title="撤销该角色？" okText="撤销" cancelText="取消" onConfirm={() => act('revoke')}>
            <Button danger loading={busy}>
              撤销
            </Button>
          </Popconfirm>
        </Space>
      </Form>
    </Card>
  );
}
