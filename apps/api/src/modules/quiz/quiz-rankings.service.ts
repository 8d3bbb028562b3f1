import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { LeaderboardView, OrgRankView, PersonRankView } from '@jingcai/shared';
import { In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { TtlCache } from '../../common/cache/ttl-cache';
import { hotQuery } from '../../common/database/hot-query';
import { AppException } from '../../common/errors/app-exception';
import { RankIndex } from '../../common/ranking/rank-index';
import { rankingCache } from '../../common/ranking/ranking-cache';
import { instantOf } from '../../common/database/columns';
import { Org } from '../orgs/entities/org.entity';
import { toOrgSummary } from '../orgs/org.mapper';
import { orgHolding, rollUpByOrg } from '../orgs/org-rollup';
import { OrgScopeService } from '../orgs/org-scope.service';
import { User } from '../users/entities/user.entity';
import { Participant } from './entities/quiz.entities';
import { displayName, QuizCampaignsService } from './quiz-campaigns.service';

interface RankedRow {
  userId: number;
  bestScore: number;
  bestDuration: number;
  bestAt: Date;
}

type StandingRow = {
  userId: number | string;
  bestScore: number | string;
  bestDuration: number | string;
  bestAt: Date | string;
};

function toRankedRow(r: StandingRow): RankedRow {
  return {
    userId: Number(r.userId),
    bestScore: Number(r.bestScore),
    bestDuration: Number(r.bestDuration),
    bestAt: instantOf(r.bestAt),
  };
}

const byBest = (a: RankedRow, b: RankedRow) =>
  b.bestScore - a.bestScore ||
  a.bestDuration - b.bestDuration ||
  a.bestAt.getTime() - b.bestAt.getTime() ||
  a.userId - b.userId;

const CARD_CACHE_MS = 60_000;

/** A reader as their own leaderboard row shows them, and the org path that places them in an audience. */
interface Card {
  name: string;
  org: string | null;
  orgPath: string | null;
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

interface CardRow {
  realName: string | null;
  nickname: string | null;
  org: string | null;
  orgPath: string | null;
}

function toCard(row: CardRow | undefined): Card {
  return { name: displayName(row), org: row?.org ?? null, orgPath: row?.orgPath ?? null };
}

@Injectable()
export class QuizRankingsService {
  /** The top and the org ranking are the same for everyone: computed once per window per instance. */
  private readonly tops = rankingCache<string, PersonRankView[]>();
  private readonly standings = rankingCache<number, RankIndex<RankedRow>>();
  /** Who a reader is (name and org) changes rarely; their score and rank are always fresh. */
  private readonly cards = new TtlCache<number, Card>(CARD_CACHE_MS, 20_000);
  private readonly orgRankings = rankingCache<string, Array<OrgRankView & { orgEntity: Org }>>();

  constructor(
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Org) private readonly orgRepo: Repository<Org>,
    private readonly campaignsService: QuizCampaignsService,
    private readonly scope: OrgScopeService,
  ) {}

  /**
   * Best score desc, then shorter time, then who got there first. The top and everyone's standing come
   * from one ordered scan cached for a few seconds; my own row is read fresh and ranked by binary search.
   */
  async people(
    campaignId: number,
    reader: AuthUser,
    limit: number,
  ): Promise<LeaderboardView<PersonRankView>> {
    const userId = reader.id;
    // The reader's card and fresh standing in one statement, the shared index alongside; nothing read here
    // is answered unless the audience check passes.
    const [{ card: fresh, standing: mine }, index] = await Promise.all([
      this.readerIn(campaignId, userId),
      this.standings.get(campaignId, () => this.loadStandings(campaignId)),
    ]);
    const card = await this.readableBy(campaignId, reader, fresh);
    const top = await this.tops.get(`${campaignId}:${limit}`, () =>
      this.rows(index.sorted.slice(0, limit), 1),
    );
    if (!mine) return { top, me: null };
    const me: PersonRankView = {
      rank: index.rankOf(mine),
      userId,
      name: card.name,
      org: card.org,
      bestScore: mine.bestScore,
      durationSeconds: mine.bestDuration,
    };
    return { top, me };
  }

  /**
   * The one read every person-leaderboard request makes, as plain SQL on the hot path (TypeORM's machinery
   * costs more CPU than this primary-key lookup itself, tests/bench/quiz): who the reader is and their
   * standing, fresh, so a worker sees their new best right after submitting. The org board takes only the
   * card from it, and only when its cached card has expired.
   */
  private async readerIn(
    campaignId: number,
    userId: number,
  ): Promise<{ card: Card; standing: RankedRow | null }> {
    const [row] = await hotQuery<CardRow & Nullable<Omit<StandingRow, 'userId'>>>(
      this.users.manager.connection,
      `SELECT u.real_name AS realName, u.nickname AS nickname, o.name AS org, o.path AS orgPath,
         p.best_score AS bestScore, p.best_duration AS bestDuration, p.best_at AS bestAt
       FROM users u LEFT JOIN orgs o ON o.id = u.org_id
         LEFT JOIN quiz_participants p ON p.campaign_id = ? AND p.user_id = u.id
       WHERE u.id = ?`,
      [campaignId, userId],
    );
    const card = toCard(row);
    // Kept for the org board, which needs only the card.
    void this.cards.get(userId, () => Promise.resolve(card));
    const standing =
      row && row.bestScore !== null && row.bestDuration !== null && row.bestAt !== null
        ? toRankedRow({
            userId,
            bestScore: row.bestScore,
            bestDuration: row.bestDuration,
            bestAt: row.bestAt,
          })
        : null;
    return { card, standing };
  }

  private async loadStandings(campaignId: number): Promise<RankIndex<RankedRow>> {
    // Raw rows, not entities: tens of thousands of them, and entity hydration would hold the event loop.
    const rows = await this.participants
      .createQueryBuilder('p')
      .select('p.user_id', 'userId')
      .addSelect('p.best_score', 'bestScore')
      .addSelect('p.best_duration', 'bestDuration')
      .addSelect('p.best_at', 'bestAt')
      .where('p.campaign_id = :campaignId', { campaignId })
      .orderBy('p.best_score', 'DESC')
      .addOrderBy('p.best_duration', 'ASC')
      .addOrderBy('p.best_at', 'ASC')
      .addOrderBy('p.user_id', 'ASC')
      .getRawMany<StandingRow>();
    return new RankIndex<RankedRow>(rows.map(toRankedRow), byBest);
  }

  /** Ranked rows from `firstRank` on, with each participant's display name and org. */
  private async rows(standings: RankedRow[], firstRank: number): Promise<PersonRankView[]> {
    if (!standings.length) return [];
    const people = await this.users.find({
      where: { id: In(standings.map((p) => p.userId)) },
      relations: { org: true },
    });
    const byId = new Map(people.map((u) => [u.id, u]));
    return standings.map((p, i) => ({
      rank: firstRank + i,
      userId: p.userId,
      name: displayName(byId.get(p.userId)),
      org: byId.get(p.userId)?.org?.name ?? null,
      bestScore: p.bestScore,
      durationSeconds: p.bestDuration,
    }));
  }

  /**
   * Orgs at one depth of the tree, each rolled up over its subtree: participants, participation rate
   * against the member count on record, average best score. One grouped query per campaign, rolled up
   * over org paths by `rollUpByOrg`.
   */
  async orgs(
    campaignId: number,
    reader: AuthUser,
    depth: number,
    limit: number,
  ): Promise<LeaderboardView<OrgRankView>> {
    const card = await this.readableBy(campaignId, reader);
    const ranked = await this.orgRankings.get(`${campaignId}:${depth}`, () =>
      this.orgRanking(campaignId, depth),
    );
    const myOrg = orgHolding(
      ranked.map((r) => r.orgEntity),
      card.orgPath ?? undefined,
    );
    const mine = myOrg ? ranked.find((r) => r.orgEntity === myOrg) : undefined;
    return { top: ranked.slice(0, limit).map(withoutEntity), me: mine ? withoutEntity(mine) : null };
  }

  private async orgRanking(
    campaignId: number,
    depth: number,
  ): Promise<Array<OrgRankView & { orgEntity: Org }>> {
    const groups = await this.participants
      .createQueryBuilder('p')
      .select('p.org_path', 'path')
      .addSelect('COUNT(*)', 'count')
      .addSelect('SUM(p.best_score)', 'total')
      .where('p.campaign_id = :c AND p.org_path IS NOT NULL', { c: campaignId })
      .groupBy('p.org_path')
      .getRawMany<{ path: string; count: string; total: string }>();
    const totals = groups.map((g) => ({ path: g.path, count: Number(g.count), total: Number(g.total) }));
    const candidates = await this.orgRepo.findBy({ depth });
    return rollUpByOrg(totals, candidates, ['count', 'total'] as const)
      .map(({ org, totals: { count: participants, total } }) => ({
        org,
        participants,
        memberCount: org.memberCount,
        participationRate: org.memberCount ? Math.min(1, participants / org.memberCount) : 0,
        averageBestScore: Math.round((total / participants) * 10) / 10,
      }))
      .sort(
        (a, b) =>
          b.participationRate - a.participationRate ||
          b.averageBestScore - a.averageBestScore ||
          a.org.id - b.org.id,
      )
      .map((r, i) => ({ ...r, rank: i + 1, org: toOrgSummary(r.org), orgEntity: r.org }));
  }

  /**
   * A leaderboard is for the campaign's audience and for the staff who run it (the console shows it);
   * anyone else gets the 404 of a campaign they cannot see. Answers the reader's card for their own row.
   */
  private async readableBy(campaignId: number, reader: AuthUser, known?: Card): Promise<Card> {
    const campaign = await this.campaignsService.live(campaignId);
    if (!campaign) throw AppException.notFound('活动不存在');
    const card =
      known ??
      (await this.cards.get(reader.id, async () => (await this.readerIn(campaignId, reader.id)).card));
    const audience = campaign.audienceOrg;
    if (!audience || card.orgPath?.startsWith(audience.path)) return card;
    if (reader.grants.length > 0 && (await this.scope.canManage(reader, campaign.ownerOrgId))) return card;
    throw AppException.notFound('活动不存在');
  }
}

function withoutEntity({
  rank,
  org,
  participants,
  memberCount,
  participationRate,
  averageBestScore,
}: OrgRankView): OrgRankView {
  return { rank, org, participants, memberCount, participationRate, averageBestScore };
}
