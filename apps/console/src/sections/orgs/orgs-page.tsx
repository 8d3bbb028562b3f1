import { ORG_KIND_LABELS, ORG_KINDS, type OrgKind, type OrgTreeNode } from '@jingcai/shared';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Space, Table } from 'antd';
import { Select } from '../../components/select';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { errorMessage } from '../../services/http';
import { orgsApi } from '../../services/orgs';
import { useScope } from '../../session/scope-context';

interface OrgForm {
  name: string;
  kind: OrgKind;
  memberCount: number;
}

type Editing = { mode: 'create'; parent: OrgRow | null } | { mode: 'edit'; org: OrgRow };

type OrgRow = Omit<OrgTreeNode, 'children'> & { children?: OrgRow[] };

/** Plain rows for antd's tree table: leaves without an empty `children`, so no expand icon shows. */
function rows(nodes: OrgTreeNode[]): OrgRow[] {
  return nodes.map((n) => ({ ...n, children: n.children.length ? rows(n.children) : undefined }));
}

/** The org tree of the staff member's subtree: add child orgs, rename, correct member counts. */
export default function OrgsPage() {
  const { scope, reload } = useScope();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<OrgForm>();

  const open = (next: Editing) => {
    setEditing(next);
    form.setFieldsValue(
      next.mode === 'edit'
        ? { name: next.org.name, kind: next.org.kind, memberCount: next.org.memberCount }
        : { name: '', kind: 'enterprise', memberCount: 0 },
    );
  };

  const save = async (values: OrgForm) => {
    if (!editing) return;
    setBusy(true);
    try {
      if (editing.mode === 'edit') {
        await orgsApi.update(editing.org.id, { name: values.name.trim(), memberCount: values.memberCount });
        void message.success('已保存');
      } else {
        await orgsApi.create({
          name: values.name.trim(),
          kind: values.kind,
          parentId: editing.parent?.id ?? null,
          memberCount: values.memberCount,
        });
        void message.success('已新增组织');
      }
      setEditing(null);
      reload();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="组织架构"
        sub="只显示你管理的组织及其下级；职工人数用于计算参与率"
        extra={
          scope.all ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ mode: 'create', parent: null })}>
              新增顶级组织
            </Button>
          ) : null
        }
      />
      <Table<OrgRow>
        rowKey="id"
        dataSource={rows(scope.roots)}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        locale={{ emptyText: '没有可管理的组织' }}
        columns={[
          { title: '组织名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', render: (kind: OrgKind) => ORG_KIND_LABELS[kind] },
          { title: '职工人数', dataIndex: 'memberCount', render: (n: number) => n.toLocaleString('zh-CN') },
          {
            title: '操作',
            render: (_, org) => (
              <Space>
                <Button type="link" onClick={() => open({ mode: 'edit', org })}>
                  编辑
                </Button>
                <Button type="link" onClick={() => open({ mode: 'create', parent: org })}>
                  新增下级
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title={
          editing?.mode === 'edit'
            ? `编辑 ${editing.org.name}`
            : editing?.parent
              ? `在 ${editing.parent.name} 下新增组织`
              : '新增顶级组织'
        }
        open={!!editing}
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, min: 2, max: 100, message: '2–100 个字' }]}>
            <Input placeholder="例如：京口区某某科技有限公司工会" />
          </Form.Item>
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
            <Select
              disabled={editing?.mode === 'edit'}
              options={ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item name="memberCount" label="职工人数" rules={[{ required: true, type: 'number', min: 0 }]}>
            <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
