import type { EventView, LotteryResultView } from '@jingcai/shared';
import { App, Button, Card, Descriptions, Popconfirm, Table, Typography } from 'antd';
import { useCallback } from 'react';
import { ErrorAlert } from '../../components/page-states';
import { formatTime } from '../../format';
import { useRequest } from '../../hooks/use-request';
import { errorMessage } from '../../services/http';
import { eventsApi } from '../../services/events';

/**
 * 公开抽签: the seed published when the event was created, the draw (once, after the window closed) and its
 * result per session; anyone can re-run it from the list of sign-up numbers and the seed.
 */
export function LotteryCard({ event, onDrawn }: { event: EventView; onDrawn: (result: LotteryResultView) => void }) {
  const { message } = App.useApp();
  const load = useCallback(() => eventsApi.lottery(event.id), [event.id]);
  const lottery = useRequest(load);
  const result = lottery.data;
  const windowClosed = Date.now() > Date.parse(event.signupEndsAt);
  const labels = new Map(event.sessions.map((s) => [s.id, s.label]));

  const run = async () => {
    try {
      const drawn = await eventsApi.runLottery(event.id);
      lottery.setData(drawn);
      onDrawn(drawn);
      void message.success('抽签完成，结果已公布');
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <Card
      title="公开抽签"
      style={{ marginBottom: 16 }}
      extra={
        result && !result.drawnAt ? (
          <Popconfirm
            title="确定现在抽签？"
            description="抽签只能进行一次，结果将立即公布并通知报名职工。"
            okText="开始抽签"
            cancelText="取消"
            disabled={!windowClosed}
            onConfirm={() => void run()}
          >
            <Button type="primary" disabled={!windowClosed} title={windowClosed ? undefined : '报名截止后才能抽签'}>
              {windowClosed ? '开始抽签' : '报名截止后可抽签'}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      <ErrorAlert error={lottery.error} onRetry={lottery.reload} />
      <Descriptions column={1} size="small">
        <Descriptions.Item label="抽签种子">
          <Typography.Text code copyable aria-label="抽签种子">
            {result?.seed ?? event.lotterySeed ?? '—'}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="算法">
          每个报名号计算 HMAC-SHA256(种子, 报名号)，按结果升序排列{event.noShowRule ? '（爽约 2 次及以上者排在最后）' : ''}；每个场次前 N 名中签，其余按顺序候补。
        </Descriptions.Item>
        <Descriptions.Item label="抽签时间">{result?.drawnAt ? formatTime(result.drawnAt) : '尚未抽签'}</Descriptions.Item>
        {result?.drawnAt ? <Descriptions.Item label="参与抽签">{result.entries.length} 个报名号</Descriptions.Item> : null}
      </Descriptions>
      {result?.drawnAt ? (
        <Table
          rowKey="sessionId"
          size="small"
          pagination={false}
          style={{ marginTop: 12 }}
          dataSource={result.sessions}
          columns={[
            { title: '场次', render: (_, s) => labels.get(s.sessionId) ?? s.sessionId },
            { title: '名额', dataIndex: 'capacity' },
            { title: `中签报名号`, render: (_, s) => <span className="lottery-winners">{s.winners.join('、') || '—'}</span> },
            { title: '候补顺序', render: (_, s) => s.waitlist.join('、') || '—' },
          ]}
        />
      ) : null}
    </Card>
  );
}
