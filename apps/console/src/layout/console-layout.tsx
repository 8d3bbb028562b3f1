import {
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  DashboardOutlined,
  GiftOutlined,
  HeartOutlined,
  MessageOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Spin, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, useMemo } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { logout } from '../services/auth';
import { useScope } from '../session/scope-context';
import { useSession } from '../session/session-context';

type Item = Required<MenuProps>['items'][number];

const link = (to: string, label: string): Item => ({ key: to, label: <Link to={to}>{label}</Link> });

function menuFor(role: 'admin' | 'staff' | 'lawyer'): Item[] {
  if (role === 'lawyer') {
    return [{ key: 'legal', icon: <SafetyCertificateOutlined />, label: '法律维权', children: [link('/legal/inbox', '咨询工作台')] }];
  }
  return [
    { key: '/', icon: <DashboardOutlined />, label: <Link to="/">工作台</Link> },
    {
      key: 'members',
      icon: <TeamOutlined />,
      label: '会员管理',
      children: [
        link('/members/applications', '入会审核'),
        link('/members/roster', '会员名册'),
        link('/members/orgs', '组织架构'),
        ...(role === 'admin' ? [link('/members/users', '用户与权限')] : []),
      ],
    },
    {
      key: 'quiz',
      icon: <TrophyOutlined />,
      label: '学习答题',
      children: [link('/quiz/banks', '题库'), link('/quiz/campaigns', '答题活动')],
    },
    { key: 'reading', icon: <BookOutlined />, label: '读书季', children: [link('/reading/seasons', '读书季活动')] },
    {
      key: 'care',
      icon: <GiftOutlined />,
      label: '暖心服务',
      children: [link('/care/benefits', '福利发放'), link('/care/stations', '服务站点'), link('/care/redemptions', '今日核销')],
    },
    {
      key: 'legal',
      icon: <SafetyCertificateOutlined />,
      label: '法律维权',
      children: [link('/legal/inbox', '咨询工作台'), link('/legal/cases', '典型案例'), link('/legal/aid', '援助与调解')],
    },
    { key: '/events', icon: <CalendarOutlined />, label: <Link to="/events">活动报名</Link> },
    {
      key: 'assistance',
      icon: <HeartOutlined />,
      label: '困难帮扶',
      children: [
        link('/assistance/applications', '帮扶申请'),
        link('/assistance/register', '困难职工档案'),
        link('/assistance/wishes', '微心愿'),
        link('/assistance/report', '帮扶统计'),
      ],
    },
    { key: '/moderation', icon: <AuditOutlined />, label: <Link to="/moderation">内容审核</Link> },
    { key: '/feedback', icon: <MessageOutlined />, label: <Link to="/feedback">投诉建议</Link> },
  ];
}

/** The menu entry a path belongs to: the longest menu key that starts it. */
function selectedKey(pathname: string, items: Item[]): string {
  const keys: string[] = [];
  const walk = (list: Item[]) =>
    list.forEach((item) => {
      if (item && 'key' in item && typeof item.key === 'string' && item.key.startsWith('/')) keys.push(item.key);
      if (item && 'children' in item && item.children) walk(item.children);
    });
  walk(items);
  const aliases: [RegExp, string][] = [
    [/^\/legal\/questions/, '/legal/inbox'],
  ];
  const alias = aliases.find(([pattern]) => pattern.test(pathname));
  if (alias) return alias[1];
  return keys.filter((k) => (k === '/' ? pathname === '/' : pathname.startsWith(k))).sort((a, b) => b.length - a.length)[0] ?? '/';
}

export function ConsoleLayout() {
  const { session, consoleRole } = useSession();
  const { scope } = useScope();
  const location = useLocation();
  const navigate = useNavigate();
  const items = useMemo(() => menuFor(consoleRole ?? 'staff'), [consoleRole]);
  const selected = selectedKey(location.pathname, items);
  const user = session?.user;
  const scopeLabel = scope.all ? '全区' : scope.roots.map((r) => r.name).join('、') || '无管理范围';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '18px 20px', fontWeight: 600, fontSize: 16, color: '#c4161c' }}>京彩职工 · 管理后台</div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={['members', 'quiz', 'reading', 'care', 'legal']}
          items={items}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="flex-end" align="center" gap={12} style={{ height: '100%' }}>
            <Typography.Text>{user?.realName ?? user?.nickname ?? '工作人员'}</Typography.Text>
            <Tag color={consoleRole === 'admin' ? 'red' : consoleRole === 'lawyer' ? 'blue' : 'gold'}>
              {consoleRole === 'admin' ? '管理员' : consoleRole === 'lawyer' ? '律师' : '工作人员'}
            </Tag>
            {consoleRole !== 'lawyer' ? <Typography.Text type="secondary">管理范围：{scopeLabel}</Typography.Text> : null}
            <Button
              icon={<LogoutOutlined />}
              onClick={() => {
                void logout().then(() => navigate('/login', { replace: true }));
              }}
            >
              退出登录
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
