import type { EventView, VenueCodeView } from '@jingcai/shared';
import { Button, Card, Col, Modal, Row, Space, Statistic, Table, Typography } from 'antd';
import { Select } from '../../components/select';
import QRCode from 'qrcode';
import { useCallback, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/page-states';
import { formatTime } from '../../format';
import { useInterval, useRequest } from '../../hooks/use-request';
import { eventsApi } from '../../services/events';

/** How often the live count is asked for while the page is open. */
const ATTENDANCE_REFRESH_MS = 10_000;

/** 现场签到: the live check-in count per session, refreshed on its own, and the venue-code screen. */
export function CheckinPanel({ event, onCheckins }: { event: EventView; onCheckins: (count: number) => void }) {
  const load = useCallback(() => eventsApi.attendance(event.id), [event.id]);
  const attendance = useRequest(load);
  const [screenFor, setScreenFor] = useState<number | null>(null);
  useInterval(attendance.reload, ATTENDANCE_REFRESH_MS);
  const checkedIn = attendance.data?.checkedIn;
  useEffect(() => {
    if (checkedIn !== undefined) onCheckins(checkedIn);
  }, [checkedIn, onCheckins]);

  const a = attendance.data;
  return (
    <Card
      title="现场签到"
      extra={
        <Space>
          <span style={{ color: '#595959' }}>每 {ATTENDANCE_REFRESH_MS / 1000} 秒自动刷新{a ? `，更新于 ${formatTime(a.at)}` : ''}</span>
          <Select<number>
            aria-label="选择要投屏签到码的场次"
            placeholder="选择场次投屏签到码"
            style={{ width: 200 }}
            value={screenFor ?? undefined}
            onChange={setScreenFor}
            options={event.sessions.map((s) => ({ value: s.id, label: s.label }))}
          />
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      <ErrorAlert error={attendance.error} onRetry={attendance.reload} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title="已签到" value={a?.checkedIn ?? 0} loading={!a && attendance.loading} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="已确认名额" value={a?.booked ?? 0} loading={!a && attendance.loading} />
        </Col>
      </Row>
      <Table
        rowKey="sessionId"
        size="small"
        pagination={false}
        dataSource={a?.sessions ?? []}
        columns={[
          { title: '场次', dataIndex: 'label' },
          { title: '时间', render: (_, s) => `${formatTime(s.startsAt)} 至 ${formatTime(s.endsAt)}` },
          { title: '名额', dataIndex: 'capacity' },
          { title: '已确认', dataIndex: 'booked' },
          { title: '已签到', dataIndex: 'checkedIn' },
          { title: '未到', render: (_, s) => (s.noShows === null ? '场次结束后统计' : s.noShows) },
        ]}
      />
      <VenueCodeScreen event={event} sessionId={screenFor} onClose={() => setScreenFor(null)} />
    </Card>
  );
}

/**
 * The code to show on the venue's screen: it changes every 30 s and the API accepts it only during the
 * session, so a photo of it is of no use later. Fetched again as each one expires.
 */
function VenueCodeScreen({ event, sessionId, onClose }: { event: EventView; sessionId: number | null; onClose: () => void }) {
  const [code, setCode] = useState<VenueCodeView | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [now, setNow] = useState(Date.now());
  useInterval(() => setNow(Date.now()), sessionId === null ? null : 1000);

  const fetchCode = useCallback(async () => {
    if (sessionId === null) return;
    try {
      const next = await eventsApi.venueCode(event.id, sessionId);
      setCode(next);
      setQr(await QRCode.toString(next.code, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }));
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [event.id, sessionId]);

  useEffect(() => {
    setCode(null);
    setQr(null);
    void fetchCode();
  }, [fetchCode]);

  const expired = code !== null && now >= Date.parse(code.expiresAt);
  useEffect(() => {
    if (expired) void fetchCode();
  }, [expired, fetchCode]);

  const session = event.sessions.find((s) => s.id === sessionId);
  const left = code ? Math.max(0, Math.ceil((Date.parse(code.expiresAt) - now) / 1000)) : null;
  return (
    <Modal open={sessionId !== null} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={520} title={`现场签到码 · ${session?.label ?? ''}`}>
      <ErrorAlert error={error} onRetry={() => void fetchCode()} />
      <div style={{ textAlign: 'center' }}>
        {qr ? <div role="img" aria-label={`签到码二维码 ${code?.code ?? ''}`} style={{ width: 240, margin: '0 auto' }} dangerouslySetInnerHTML={{ __html: qr }} /> : null}
        <Typography.Title level={1} style={{ letterSpacing: 8, fontFamily: 'monospace', margin: '12px 0' }} aria-live="polite">
          {code?.code ?? '······'}
        </Typography.Title>
        <Typography.Paragraph>请在职工“活动报名 → 我的报名 → 电子票”中扫码或输入上方数字签到</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{left !== null ? `${left} 秒后更新` : '正在获取…'}</Typography.Paragraph>
      </div>
    </Modal>
  );
}
