import { Injectable } from '@nestjs/common';
import {
  publicName,
  staffName,
  type LeaderboardView,
  type ReaderRankView,
  type ReadingOrgRankView,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';
import type { AuthUser } from '../../common/auth/auth-user';
import { RankIndex } from '../../common/ranking/rank-index';
import { rankingCache } from '../../common/ranking/ranking-cache';
import type { Org } from '../orgs/entities/org.entity';
import { toOrgSummary } from '../orgs/org.mapper';
import { orgHolding, rollUpByOrg } from '../orgs/org-rollup';
import { OrgsRepository } from '../orgs/orgs.repository';
import { UsersRepository } from '../users/users.repository';
import { CheckinsRepository } from './checkins.repository';
import type { ReadingCheckin } from './entities/reading.entities';
import { ReadingSeasonsService } from './reading-seasons.service';
import { StandingsRepository, type Standing } from './standings.repository';

const byDays = (a: Standing, b: Standing) =>
  b.days - a.days || b.longestStreak - a.longestStreak || a.userId - b.userId;

/** Person and org rankings — the org one is what the 优秀组织奖 is decided on — and the staff exports. */
@Injectable()
export class ReadingRankingsService {
  /** The top readers and the org ranking are the same for everyone: computed once per window per instance. */
  private readonly tops = rankingCache<string, ReaderRankView[]>();
  private readonly standings = rankingCache<number, RankIndex<Standing>>();
  private readonly orgRankings = rankingCache<string, Array<ReadingOrgRankView & { orgEntity: Org }>>();

  constructor(
    private readonly standingRecords: StandingsRepository,
    private readonly checkins: CheckinsRepository,
    private readonly orgRecords: OrgsRepository,
    private readonly users: UsersRepository,
    private readonly seasons: ReadingSeasonsService,
  ) {}

  /**
   * Days, then longest streak, then who joined first (lower id). The top and everyone's standing come
   * from one ordered scan cached for a few seconds; my own row is read fresh and ranked by binary search.
   */
  async people(reader: AuthUser, seasonId: number, limit: number): Promise<LeaderboardView<ReaderRankView>> {
    await this.seasons.forReader(reader, seasonId);
    const userId = reader.id;
    const [index, mine] = await Promise.all([
      this.standings.get(seasonId, () => this.loadStandings(seasonId)),
      this.standingRecords.of(seasonId, userId),
    ]);
    const top = await this.tops.get(`${seasonId}:${limit}`, () => this.rows(index.sorted.slice(0, limit), 1));
    const me = mine?.days ? (await this.rows([mine], index.rankOf(mine)))[0] : null;
    return { top, me };
  }

  /** Readers with at least one day, best first. */
  private async loadStandings(seasonId: number): Promise<RankIndex<Standing>> {
    return new RankIndex<Standing>(await this.standingRecords.ranked(seasonId), byDays);
  }

  /** Ranked rows from `firstRank` on, with each reader's display name and org. */
  private async rows(standings: readonly Standing[], firstRank: number): Promise<ReaderRankView[]> {
    if (!standings.length) return [];
    const byId = await this.users.listed(standings.map((p) => p.userId));
    return standings.map((p, i) => ({
      rank: firstRank + i,
      userId: p.userId,
      name: publicName(byId.get(p.userId)),
      org: byId.get(p.userId)?.orgName ?? null,
      days: p.days,
      longestStreak: p.longestStreak,
      minutes: p.minutes,
    }));
  }

  async orgs(
    reader: AuthUser,
    seasonId: number,
    depth: number,
    limit: number,
  ): Promise<LeaderboardView<ReadingOrgRankView>> {
    await this.seasons.forReader(reader, seasonId);
    const userId = reader.id;
    const ranked = await this.orgRankings.get(`${seasonId}:${depth}`, () => this.orgRanking(seasonId, depth));
    const me = await this.users.facts(userId);
    const myOrg = orgHolding(
      ranked.map((r) => r.orgEntity),
      me?.orgPath ?? undefined,
    );
    const mine = myOrg ? ranked.find((r) => r.orgEntity === myOrg) : undefined;
    return {
      top: ranked.slice(0, limit).map(strip),
      me: mine ? strip(mine) : null,
    };
  }

  /** Per-org figures at one depth of the tree, for the union's records. */
  async orgsWorkbook(staff: AuthUser, seasonId: number, depth: number): Promise<Buffer> {
    await this.seasons.managed(staff, seasonId);
    const ranked = await this.orgRanking(seasonId, depth);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('单位排名');
    sheet.addRow(['名次', '单位', '参与人数', '会员人数', '参与率', '阅读总时长（分钟）']);
    for (const r of ranked) {
      sheet.addRow([
        r.rank,
        r.org.name,
        r.participants,
        r.memberCount,
        `${(r.participationRate * 100).toFixed(1)}%`,
        r.totalMinutes,
      ]);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** Every check-in of the season, names in full (staff only). */
  async checkinsWorkbook(staff: AuthUser, seasonId: number): Promise<Buffer> {
    await this.seasons.managed(staff, seasonId);
    const rows = await this.checkins.ofSeason(seasonId);
    const byId = await this.users.listed(rows.map((r) => r.userId));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('打卡记录');
    sheet.addRow(['日期', '姓名', '所属工会', '书目', '时长（分钟）', '读后感', '补卡', '状态']);
    for (const c of rows) {
      const user = byId.get(c.userId);
      sheet.addRow([
        c.day,
        staffName(user, ''),
        user?.orgName ?? '',
        c.book?.title ?? '',
        c.minutes,
        c.note,
        c.makeUp ? '是' : '否',
        STATUS_LABELS[c.status],
      ]);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /**
   * Orgs at one depth, each over its subtree: participants, participation rate against the member count
   * on record, total minutes. One grouped query over the standings; the roll-up is in memory.
   */
  private async orgRanking(
    seasonId: number,
    depth: number,
  ): Promise<Array<ReadingOrgRankView & { orgEntity: Org }>> {
    const [totals, orgs] = await Promise.all([
      this.standingRecords.totalsByOrgPath(seasonId),
      this.orgRecords.atDepth(depth),
    ]);
    return rollUpByOrg(totals, orgs, ['participants', 'minutes'] as const)
      .map(({ org, totals: t }) => ({
        orgEntity: org,
        org: toOrgSummary(org),
        participants: t.participants,
        memberCount: org.memberCount,
        participationRate: org.memberCount ? Math.min(1, t.participants / org.memberCount) : 0,
        totalMinutes: t.minutes,
        rank: 0,
      }))
      .sort(
        (a, b) =>
          b.participationRate - a.participationRate ||
          b.participants - a.participants ||
          b.totalMinutes - a.totalMinutes ||
          a.org.id - b.org.id,
      )
      .map((r, i) => ({ ...r, rank: i + 1 }));
  }
}

const STATUS_LABELS: Record<ReadingCheckin['status'], string> = {
  published: '已公开',
  pending: '审核中',
  rejected: '未通过审核',
  hidden: '已隐藏',
};

function strip({
  rank,
  org,
  participants,
  memberCount,
  participationRate,
  totalMinutes,
}: ReadingOrgRankView): ReadingOrgRankView {
  return {
    rank,
    org,
    participants,
    memberCount,
    participationRate,
    totalMinutes,
  };
}
