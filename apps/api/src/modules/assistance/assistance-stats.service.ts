import { Injectable } from '@nestjs/common';
import {
  ASSISTANCE_KINDS,
  ASSISTANCE_KIND_LABELS,
  shanghaiDay,
  shanghaiDayStart,
  type AssistanceKind,
  type AssistanceStats,
  type AssistanceStatsRow,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { ApplicationViews } from './application-views';
import { AssistanceAccess } from './assistance-access';
import { AssistanceStatsRepository, type StreetCount } from './assistance-stats.repository';

type Totals = Omit<AssistanceStatsRow, 'org'>;

function emptyTotals(): Totals {
  return {
    applications: 0,
    granted: Object.fromEntries(ASSISTANCE_KINDS.map((k) => [k, 0])) as Record<AssistanceKind, number>,
    grantedAmount: 0,
    registered: 0,
    wishesPublished: 0,
    wishesClaimed: 0,
    wishesFulfilled: 0,
  };
}

/** The union's annual figures of help in hardship, by street-level union, within the caller's scope. */
@Injectable()
export class AssistanceStatsService {
  constructor(
    private readonly stats: AssistanceStatsRepository,
    private readonly access: AssistanceAccess,
    private readonly views: ApplicationViews,
    private readonly clock: Clock,
  ) {}

  async year(user: AuthUser, year?: number): Promise<AssistanceStats> {
    const y = year ?? Number(shanghaiDay(this.clock.now()).slice(0, 4));
    const from = shanghaiDayStart(`${y}-01-01`);
    const to = shanghaiDayStart(`${y + 1}-01-01`);
    const scope = await this.access.staffScope(user);
    const byStreet = new Map<number, Totals>();
    const add = (rows: StreetCount[], apply: (t: Totals, r: StreetCount) => void) => {
      for (const row of rows) {
        if (!byStreet.has(row.streetOrgId)) byStreet.set(row.streetOrgId, emptyTotals());
        apply(byStreet.get(row.streetOrgId)!, row);
      }
    };
    add(await this.stats.applicationsSubmitted(scope, from, to), (t, r) => (t.applications += r.count));
    add(await this.stats.applicationsGranted(scope, from, to), (t, r) => {
      t.granted[r.key as AssistanceKind] += r.count;
      t.grantedAmount += r.sum / 100;
    });
    add(await this.stats.familiesRegistered(scope, from, to), (t, r) => (t.registered += r.count));
    add(await this.stats.wishesBy('published_at', scope, from, to), (t, r) => (t.wishesPublished += r.count));
    add(await this.stats.wishesBy('claimed_at', scope, from, to), (t, r) => (t.wishesClaimed += r.count));
    add(await this.stats.wishesBy('fulfilled_at', scope, from, to), (t, r) => (t.wishesFulfilled += r.count));
    const orgs = await this.views.orgSummaries([...byStreet.keys()]);
    const rows = [...byStreet.entries()]
      .map(([id, totals]) => ({ org: orgs.get(id)!, ...totals }))
      .sort((a, b) => a.org.name.localeCompare(b.org.name, 'zh-CN'));
    const totals = emptyTotals();
    for (const row of rows) {
      totals.applications += row.applications;
      for (const kind of ASSISTANCE_KINDS) totals.granted[kind] += row.granted[kind];
      totals.grantedAmount += row.grantedAmount;
      totals.registered += row.registered;
      totals.wishesPublished += row.wishesPublished;
      totals.wishesClaimed += row.wishesClaimed;
      totals.wishesFulfilled += row.wishesFulfilled;
    }
    totals.grantedAmount = Math.round(totals.grantedAmount * 100) / 100;
    return { year: y, rows, totals };
  }

  async workbook(user: AuthUser, year?: number): Promise<Buffer> {
    const stats = await this.year(user, year);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(`${stats.year}年帮扶统计`);
    const kinds = ASSISTANCE_KINDS.map((k) => `发放：${ASSISTANCE_KIND_LABELS[k]}`);
    sheet.addRow([
      '工会',
      '申请数',
      ...kinds,
      '发放金额（元）',
      '新建档家庭',
      '发布心愿',
      '认领心愿',
      '圆梦心愿',
    ]);
    const line = (name: string, t: Totals) => [
      name,
      t.applications,
      ...ASSISTANCE_KINDS.map((k) => t.granted[k]),
      t.grantedAmount,
      t.registered,
      t.wishesPublished,
      t.wishesClaimed,
      t.wishesFulfilled,
    ];
    for (const row of stats.rows) sheet.addRow(line(row.org.name, row));
    sheet.addRow(line('合计', stats.totals));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
