import type {
  CareStatsView,
  LegalStatsView,
  OrgParticipationView,
  QuizStatsView,
  ReadingStatsView,
} from '@jingcai/shared';
import type { ChartData } from '../../components/chart-data';

/** `2026-03-02` → `3/2`: short enough for 90 labels on an axis. */
export function shortDay(day: string): string {
  const [, month, date] = day.split('-');
  return `${Number(month)}/${Number(date)}`;
}

export function quizTrend(view: QuizStatsView): ChartData {
  return {
    categories: view.days.map((d) => shortDay(d.day)),
    series: [
      { name: '参与人数', kind: 'line', values: view.days.map((d) => d.participants) },
      { name: '答题次数', kind: 'bar', values: view.days.map((d) => d.attempts) },
    ],
  };
}

export function readingTrend(view: ReadingStatsView): ChartData {
  return {
    categories: view.days.map((d) => shortDay(d.day)),
    series: [{ name: '打卡人数', kind: 'line', values: view.days.map((d) => d.readers) }],
  };
}

export function careTrend(view: CareStatsView): ChartData {
  return {
    categories: view.days.map((d) => shortDay(d.day)),
    series: [
      { name: '领取', kind: 'bar', values: view.days.map((d) => d.claimed) },
      { name: '核销', kind: 'bar', values: view.days.map((d) => d.redeemed) },
    ],
  };
}

export function legalTrend(view: LegalStatsView): ChartData {
  return {
    categories: view.weeks.map((w) => `${shortDay(w.week)}起`),
    series: [
      { name: '新咨询', kind: 'bar', values: view.weeks.map((w) => w.opened) },
      { name: '已答复', kind: 'bar', values: view.weeks.map((w) => w.answered) },
    ],
  };
}

/** Participation rate by org, highest first (the API's order), for a horizontal bar chart. */
export function orgRates(orgs: OrgParticipationView[]): ChartData {
  return {
    categories: orgs.map((o) => o.org.name),
    series: [{ name: '参与率', kind: 'bar', values: orgs.map((o) => o.participationRate) }],
    horizontal: true,
    percent: true,
  };
}

/** Whether a trend has anything to draw: a window of zeros reads better as "no data yet". */
export function hasFigures(data: ChartData): boolean {
  return data.series.some((s) => s.values.some((v) => v > 0));
}

/** Room for one bar per org, so names stay readable. */
export function orgChartHeight(orgs: OrgParticipationView[]): number {
  return Math.max(160, Math.min(600, orgs.length * 32 + 40));
}
