import { Col, Row, Statistic } from 'antd';
import { TREND_WEEKS } from '@jingcai/shared';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { Chart } from '../../components/chart';
import { dashboardApi } from '../../services/dashboard';
import type { PanelProps } from './activity-panels';
import { careTrend, hasFigures, legalTrend } from './dashboard-shape';
import { ChoiceSelect, StatsPanel, useStats } from './stats-panel';

/** Packs claimed and handed out per day for one benefit the staff member manages. */
export function CarePanel({ days, round, tone }: PanelProps) {
  const [chosen, setChosen] = useState<number>();
  const load = useCallback(() => dashboardApi.care(days, chosen), [days, chosen]);
  const state = useStats(load, round);
  return (
    <StatsPanel
      title="关爱福利领取与核销"
      state={state}
      extra={<ChoiceSelect label="选择福利" choices={state.data?.benefits} value={state.data?.benefitId} onChange={setChosen} />}
      empty={(v) => (v.benefitId === null ? '暂无本组织管理的福利' : hasFigures(careTrend(v)) ? null : '所选时间内暂无领取')}
    >
      {(v) => <Chart tone={tone} title="每日领取与核销数量" data={careTrend(v)} />}
    </StatsPanel>
  );
}

/** Legal questions opened and first answered per week, and how many are overdue now. */
export function LegalPanel({ round, tone }: Omit<PanelProps, 'days'>) {
  const load = useCallback(() => dashboardApi.legal(TREND_WEEKS.default), []);
  const state = useStats(load, round);
  return (
    <StatsPanel
      title="法律咨询（按周）"
      state={state}
      extra={<Link to="/legal/inbox?overdue=true">超期 {state.data?.overdue ?? '—'} 条</Link>}
      empty={(v) => (hasFigures(legalTrend(v)) || v.overdue ? null : `近 ${TREND_WEEKS.default} 周暂无法律咨询`)}
    >
      {(v) => (
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} xl={18}>
            <Chart tone={tone} title="每周新咨询与已答复" categoryTitle="周" data={legalTrend(v)} />
          </Col>
          <Col xs={24} xl={6}>
            <Statistic
              title="超期未答复"
              value={v.overdue}
              valueStyle={v.overdue ? { color: '#cf1322' } : undefined}
            />
          </Col>
        </Row>
      )}
    </StatsPanel>
  );
}
