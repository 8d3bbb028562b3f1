import { Col, Row } from 'antd';
import { useCallback, useState } from 'react';
import { Chart } from '../../components/chart';
import type { ChartTone } from '../../components/chart-data';
import { dashboardApi } from '../../services/dashboard';
import { hasFigures, orgChartHeight, orgRates, quizTrend, readingTrend } from './dashboard-shape';
import { ChoiceSelect, StatsPanel, useStats } from './stats-panel';

export interface PanelProps {
  days: number;
  /** Changes to load again (the refresh button, the auto-refresh). */
  round: number;
  tone?: ChartTone;
}

/** Quiz participation per day and participation rate by org for one campaign. */
export function QuizPanel({ days, round, tone }: PanelProps) {
  const [chosen, setChosen] = useState<number>();
  const load = useCallback(() => dashboardApi.quiz(days, chosen), [days, chosen]);
  const state = useStats(load, round);
  return (
    <StatsPanel
      title="答题活动参与趋势"
      state={state}
      extra={<ChoiceSelect label="选择答题活动" choices={state.data?.campaigns} value={state.data?.campaignId} onChange={setChosen} />}
      empty={(v) => (v.campaignId === null ? '暂无答题活动' : hasFigures(quizTrend(v)) || v.orgs.length ? null : '所选时间内暂无答题记录')}
    >
      {(v) => (
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={14}>
            <Chart tone={tone} title="每日答题人数与次数" data={quizTrend(v)} />
          </Col>
          <Col xs={24} xl={10}>
            <Chart tone={tone} title="各组织答题参与率" categoryTitle="组织" data={orgRates(v.orgs)} height={orgChartHeight(v.orgs)} />
          </Col>
        </Row>
      )}
    </StatsPanel>
  );
}

/** Reading check-ins per day and participation rate by org for one season. */
export function ReadingPanel({ days, round, tone }: PanelProps) {
  const [chosen, setChosen] = useState<number>();
  const load = useCallback(() => dashboardApi.reading(days, chosen), [days, chosen]);
  const state = useStats(load, round);
  return (
    <StatsPanel
      title="读书打卡趋势"
      state={state}
      extra={<ChoiceSelect label="选择读书季" choices={state.data?.seasons} value={state.data?.seasonId} onChange={setChosen} />}
      empty={(v) => (v.seasonId === null ? '暂无读书季' : hasFigures(readingTrend(v)) || v.orgs.length ? null : '所选时间内暂无打卡')}
    >
      {(v) => (
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={14}>
            <Chart tone={tone} title="每日打卡人数" data={readingTrend(v)} />
          </Col>
          <Col xs={24} xl={10}>
            <Chart tone={tone} title="各组织读书参与率" categoryTitle="组织" data={orgRates(v.orgs)} height={orgChartHeight(v.orgs)} />
          </Col>
        </Row>
      )}
    </StatsPanel>
  );
}
