import { Alert, App, Button, Card, Divider, Flex, Form, Input, Skeleton, Space, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useRequest } from '../../hooks/use-request';
import { codeLogin, devLogin, devUsers } from '../../services/auth';
import { errorMessage } from '../../services/http';
import { useSession } from '../../session/session-context';

const CODE_PATTERN = /^\d{8}$/;

/**
 * Production: the staff member opens the mini-program (我的 → 登录管理后台), which shows an 8-digit code
 * for a few minutes; typing it here signs them in. The demo also lists its users (dev login).
 */
export default function LoginPage() {
  const { session } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const loadDemo = useCallback(() => devUsers(), []);
  const demo = useRequest(loadDemo);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session) return <Navigate to={from} replace />;

  const signIn = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    setFailure(null);
    try {
      await action();
      void message.success('登录成功');
      void navigate(from, { replace: true });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const codeTab = (
    <Form
      layout="vertical"
      requiredMark={false}
      onFinish={(values: { code: string }) => void signIn('code', () => codeLogin(values.code.trim()))}
    >
      <Typography.Paragraph type="secondary">
        在微信中打开「京彩职工」小程序，进入 我的 → 登录管理后台，输入显示的 8 位登录码。登录码几分钟内有效，只能使用一次。
      </Typography.Paragraph>
      <Form.Item
        name="code"
        label="登录码"
        rules={[
          { required: true, message: '请输入 8 位登录码' },
          { pattern: CODE_PATTERN, message: '登录码为 8 位数字' },
        ]}
      >
        <Input
          size="large"
          inputMode="numeric"
          maxLength={8}
          autoComplete="one-time-code"
          placeholder="8 位数字"
          style={{ letterSpacing: 6, fontSize: 22 }}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={busy === 'code'}>
        登录
      </Button>
    </Form>
  );

  const demoTab = demo.loading ? (
    <Skeleton active />
  ) : demo.data ? (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">演示环境：选择一个演示用户直接登录（生产环境不提供）。</Typography.Paragraph>
      {demo.data.map((user) => (
        <Button
          key={user.openid}
          block
          loading={busy === user.openid}
          disabled={busy !== null && busy !== user.openid}
          onClick={() => void signIn(user.openid, () => devLogin(user.openid))}
        >
          {user.label}
        </Button>
      ))}
    </Space>
  ) : null;

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: 16 }}>
      <Card style={{ width: 440, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', color: '#c4161c', marginBottom: 4 }}>
          京彩职工 · 工会管理后台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          仅限工会工作人员、法律志愿者和管理员使用
        </Typography.Paragraph>
        <Divider style={{ margin: '12px 0' }} />
        {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} /> : null}
        <Tabs
          defaultActiveKey={demo.data ? 'demo' : 'code'}
          key={demo.data ? 'with-demo' : 'code-only'}
          items={[
            { key: 'code', label: '登录码登录', children: codeTab },
            ...(demo.data ? [{ key: 'demo', label: '演示账号', children: demoTab }] : []),
          ]}
        />
        {demo.error ? <Alert type="warning" showIcon message={`无法连接服务器：${errorMessage(demo.error)}`} /> : null}
      </Card>
    </Flex>
  );
}
