import { CloseOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Button, Col, ConfigProvider, Row, Space, theme } from 'antd';
import { formatShanghai } from '@jingcai/shared';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { useInterval } from '../../hooks/use-request';
import { useScope } from '../../session/scope-context';
import { QuizPanel, ReadingPanel } from './activity-panels';
import { CarePanel, LegalPanel } from './service-panels';

const REFRESH_MS = 30_000;
const SCREEN_DAYS = 30;

/**
 * 数据大屏: the dashboard's trends on a dark full-window screen for a meeting room or the chairman's
 * office, refreshed every 30 seconds. The browser's own full-screen mode is one click away.
 */
export default function ScreenPage() {
  const { scope } = useScope();
  const navigate = useNavigate();
  const [round, setRound] = useState(0);
  const [updated, setUpdated] = useState(() => new Date());
  const refresh = useCallback(() => {
    setRound((n) => n + 1);
    setUpdated(new Date());
  }, []);
  useInterval(refresh, REFRESH_MS);

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { colorPrimary: '#e8464c' } }}>
      <main
        aria-label="数据大屏"
        style={{ position: 'fixed', inset: 0, zIndex: 1000, overflow: 'auto', background: '#0b1530', padding: 24, color: '#f0f0f0' }}
      >
        <header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 16 }}>
          <div>
            <h1 style={{ margin: 0, fontSize: 28, color: '#fff' }}>京彩职工 · 数据大屏</h1>
            <div style={{ color: '#d9d9d9' }}>
              {scope.all ? '全区' : scope.roots.map((r) => r.name).join('、')} · 近 {SCREEN_DAYS} 天 · 更新于{' '}
              {formatShanghai(updated, 'minute')}（每 30 秒自动刷新）
            </div>
          </div>
          <Space>
            <Button icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.()}>
              全屏
            </Button>
            <Button icon={<CloseOutlined />} onClick={() => navigate('/')}>
              退出大屏
            </Button>
          </Space>
        </header>
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={12}>
            <QuizPanel days={SCREEN_DAYS} round={round} tone="dark" />
          </Col>
          <Col xs={24} xxl={12}>
            <ReadingPanel days={SCREEN_DAYS} round={round} tone="dark" />
          </Col>
          <Col xs={24} xl={12}>
            <CarePanel days={SCREEN_DAYS} round={round} tone="dark" />
          </Col>
          <Col xs={24} xl={12}>
            <LegalPanel round={round} tone="dark" />
          </Col>
        </Row>
      </main>
    </ConfigProvider>
  );
}
