import type { BankView } from '@jingcai/shared';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Table } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { DownloadButton } from '../../components/download-button';
import { OrgPicker } from '../../components/org-picker';
import { ErrorAlert } from '../../components/page-states';
import { PageHeader } from '../../components/page-header';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { quizApi } from '../../services/quiz';
import { useScope } from '../../session/scope-context';
import { clickableRow } from '../../components/clickable-row';

/** Question banks of the staff member's subtree; each opens to its questions and the import. */
export default function BanksPage() {
  const navigate = useNavigate();
  const { scope } = useScope();
  const { message } = App.useApp();
  const load = useCallback(() => quizApi.banks(), []);
  const banks = useRequest(load);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ name: string; ownerOrgId: number }>();

  const create = async (values: { name: string; ownerOrgId: number }) => {
    setBusy(true);
    try {
      const bank = await quizApi.createBank({ name: values.name.trim(), ownerOrgId: values.ownerOrgId });
      void message.success('题库已创建，可以导入题目了');
      setCreating(false);
      void navigate(`/quiz/banks/${bank.id}`);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="题库"
        sub="支持从 .xlsx / .csv 模板批量导入；有错误的行会逐行列出，整批不导入"
        extra={
          <>
            <DownloadButton label="下载导入模板" run={(onProgress) => quizApi.downloadTemplate(onProgress)} />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                form.setFieldsValue({ name: '', ownerOrgId: scope.roots[0]?.id });
                setCreating(true);
              }}
            >
              新建题库
            </Button>
          </>
        }
      />
      <ErrorAlert error={banks.error} onRetry={banks.reload} />
      <Table<BankView>
        rowKey="id"
        loading={banks.loading}
        dataSource={banks.data ?? []}
        locale={{ emptyText: '还没有题库' }}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 个题库` }}
        onRow={(bank) => clickableRow(() => void navigate(`/quiz/banks/${bank.id}`))}
        columns={[
          { title: '题库名称', dataIndex: 'name' },
          { title: '所属组织', render: (_, b) => b.ownerOrg.name },
          { title: '题目数', dataIndex: 'questionCount' },
          { title: '操作', render: (_, b) => <Button type="link" onClick={() => void navigate(`/quiz/banks/${b.id}`)}>管理题目</Button> },
        ]}
      />
      <Modal
        title="新建题库"
        open={creating}
        okText="创建"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(values) => void create(values)}>
          <Form.Item name="name" label="题库名称" rules={[{ required: true, whitespace: true, min: 2, max: 60, message: '2–60 个字' }]}>
            <Input placeholder="例如：工会法知识题库" />
          </Form.Item>
          <Form.Item name="ownerOrgId" label="所属组织" rules={[{ required: true, message: '请选择组织' }]}>
            <OrgPicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
