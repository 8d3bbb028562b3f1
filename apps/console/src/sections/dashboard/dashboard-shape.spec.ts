import { describe, expect, it } from 'vitest';
import type { OrgParticipationView, QuizStatsView } from '@jingcai/shared';
import { describeChart, tableRows, toOption } from '../../components/chart-data';
import { careTrend, hasFigures, legalTrend, orgChartHeight, orgRates, quizTrend, shortDay } from './dashboard-shape';

const quiz: QuizStatsView = {
  campaigns: [{ id: 1, title: '工会法知识竞赛', startsOn: '2026-03-01', endsOn: '2026-03-20' }],
  campaignId: 1,
  days: [
    { day: '2026-03-01', participants: 0, attempts: 0 },
    { day: '2026-03-02', participants: 1, attempts: 1 },
    { day: '2026-03-03', participants: 2, attempts: 3 },
  ],
  orgs: [],
};

const org = (id: number, name: string, participants: number, memberCount: number): OrgParticipationView => ({
  org: { id, name, kind: 'street' },
  participants,
  memberCount,
  participationRate: participants / memberCount,
});

describe('dashboard data shaping', () => {
  it('labels days briefly and keeps one value per day per series', () => {
    expect(shortDay('2026-03-02')).toBe('3/2');
    const data = quizTrend(quiz);
    expect(data.categories).toEqual(['3/1', '3/2', '3/3']);
    expect(data.series.map((s) => [s.name, s.values])).toEqual([
      ['参与人数', [0, 1, 2]],
      ['答题次数', [0, 1, 3]],
    ]);
  });

  it('summarises a trend in words: span, totals and peaks', () => {
    expect(describeChart('答题参与趋势', quizTrend(quiz))).toBe(
      '答题参与趋势（3/1至3/3）：参与人数合计 3，最高 2（3/3）；答题次数合计 4，最高 3（3/3）',
    );
    expect(describeChart('空', { categories: [], series: [] })).toBe('空：暂无数据');
  });

  it('shows rates as percentages, in the summary, the table and the axis', () => {
    const data = orgRates([org(1, '大市口街道', 30, 100), org(2, '新区', 5, 50)]);
    expect(data.horizontal).toBe(true);
    expect(describeChart('参与率', data)).toBe('参与率（大市口街道至新区）：参与率最高 30.0%（大市口街道）');
    expect(tableRows(data)).toEqual([
      { key: '大市口街道', category: '大市口街道', 参与率: '30.0%' },
      { key: '新区', category: '新区', 参与率: '10.0%' },
    ]);
    const option = toOption(data) as { xAxis: { type: string; max: number }; yAxis: { type: string; inverse: boolean } };
    expect(option.xAxis).toMatchObject({ type: 'value', max: 1 });
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true });
  });

  it('tells an all-zero window from one with figures', () => {
    expect(hasFigures(quizTrend(quiz))).toBe(true);
    expect(hasFigures(careTrend({ benefits: [], benefitId: null, days: [{ day: '2026-03-01', claimed: 0, redeemed: 0 }] }))).toBe(false);
  });

  it('labels weeks by their Monday', () => {
    const data = legalTrend({ weeks: [{ week: '2026-03-02', opened: 2, answered: 1 }], overdue: 0 });
    expect(data.categories).toEqual(['3/2起']);
    expect(data.series.map((s) => s.values)).toEqual([[2], [1]]);
  });

  it('gives each org a bar of readable height, within bounds', () => {
    expect(orgChartHeight([])).toBe(160);
    expect(orgChartHeight(Array.from({ length: 10 }, (_, i) => org(i, `组织${i}`, 1, 10)))).toBe(360);
    expect(orgChartHeight(Array.from({ length: 60 }, (_, i) => org(i, `组织${i}`, 1, 10)))).toBe(600);
  });
});
