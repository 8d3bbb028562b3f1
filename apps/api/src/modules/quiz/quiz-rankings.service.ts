import { Injectable } from '@nestjs/common';
import { publicName, type LeaderboardView, type OrgRankView, type PersonRankView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { TtlCache } from '../../common/cache/ttl-cache';
import { AppException } from '../../common/errors/app-exception';
import { RankIndex } from '../../common/ranking/rank-index';
import { rankingCache } from '../../common/ranking/ranking-cache';
import type { Org } from '../orgs/entities/org.entity';
import { toOrgSummary } from '../orgs/org.mapper';
import { orgHolding, rollUpByOrg } from '../orgs/org-rollup';
import { OrgScopeService } from '../orgs/org-scope.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import { UsersRepository, type PersonCard } from '../users/users.repository';
import { ParticipantsRepository, type Standing } from './participants.repository';
import { QuizCampaignsService } from './quiz-campaigns.service';

const byBest = (a: Standing, b: Standing) =>
  b.bestScore - a.bestScore ||
  a.bestDuration - b.bestDuration ||
  a.bestAt.getTime() - b.bestAt.getTime() ||
  a.userId - b.userId;

const CARD_CACHE_MS = 60_000;
/**
 * How long an instance remembers the results it scored, to show each worker their own new best before the
 * shared index (reloaded every few seconds) holds it.
 */
const SCORED_CACHE_MS = 60_000;

/**
 * How far before the newest best it holds a reload looks for changes: a best stamped a little earlier but
 * committed after the last read (a slow transaction, an instance whose clock lags) is still found.
 */
const CHANGES_OVERLAP_MS = 30_000;
/** Every so often all standings are read again, so anything an incremental reload missed is bounded. */
const FULL_RELOAD_MS = 5 * 60_000;

/** Everyone's standing, ranked, and each participant's by user id. */
interface Standings {
  index: RankIndex<Standing>;
  byUser: Map<number, Standing>;
  /** The newest `bestAt` held (ms): the next reload reads the bests set from shortly before it on. */
  newestAt: number;
  /** When all standings were last read (ms, this instance's clock). */
  fullAt: number;
  /** Counts the reloads that changed something: the top is computed once per version. */
  version: number;
}

/** The better of two standings of one worker (either may be missing). */
function better(a: Standing | undefined, b: Standing | undefined): Standing | undefined {
  if (!a || !b) return a ?? b;
  return byBest(a, b) <= 0 ? a : b;
}

function newestOf(standings: readonly Standing[], from: number): number {
  let newest = from;
  for (const standing of standings) newest = Math.max(newest, standing.bestAt.getTime());
  return newest;
}

/** A reader as their own leaderboard row shows them, and the org path that places them in an audience. */
interface Card {
  name: string;
  org: string | null;
  orgPath: string | null;
}

function toCard(person: PersonCard | null): Card {
  return { name: publicName(person), org: person?.orgName ?? null, orgPath: person?.orgPath ?? null };
}

@Injectable()
export class QuizRankingsService {
  /** The top and the org ranking are the same for everyone: computed once per window per instance. */
  private readonly tops = rankingCache<string, PersonRankView[]>();
  private readonly standings = rankingCache<number, Standings>();
  /** Who a reader is (name and org) changes rarely. */
  private readonly cards = new TtlCache<number, Card>(CARD_CACHE_MS, 20_000);
  /**
   * Every participant's card per campaign, in one statement a minute: a rush of first-time readers (each new
   * to this instance) otherwise cost a statement each, the largest part of a person read (tests/bench/quiz).
   */
  private readonly participantCards = new TtlCache<number, ReadonlyMap<number, Card>>(CARD_CACHE_MS, 100, {
    serveStaleWhileReloading: true,
  });
  /** Results this instance scored, by `campaignId:userId`: a worker's own row is fresh where they submitted. */
  private readonly scored = new TtlCache<string, Standing>(SCORED_CACHE_MS, 50_000);
  private readonly orgRankings = rankingCache<string, Array<OrgRankView & { orgEntity: Org }>>();

  constructor(
    private readonly participants: ParticipantsRepository,
    private readonly users: UsersRepository,
    private readonly orgRecords: OrgsRepository,
    private readonly campaignsService: QuizCampaignsService,
    private readonly scope: OrgScopeService,
  ) {}

  /**
   * Best score desc, then shorter time, then who got there first. The top and everyone's standing come from
   * one ordered scan cached for a few seconds (served while the next one loads); the reader's own row is
   * their standing there or, fresher, a result this instance scored since, ranked by binary search. No
   * statement once the reader's card is cached: a worker who submitted on another instance sees their new
   * best here within the index's few seconds (docs/architecture.md).
   */
  async people(
    campaignId: number,
    reader: AuthUser,
    limit: number,
  ): Promise<LeaderboardView<PersonRankView>> {
    const userId = reader.id;
    // Nothing read here is answered unless the audience check passes.
    const [card, { index, byUser, version }] = await Promise.all([
      this.readableBy(campaignId, reader),
      this.standings.get(campaignId, (previous) => this.loadStandings(campaignId, previous)),
    ]);
    // Per version of the standings, or a top reloaded from the index just replaced would stand a window more.
    const top = await this.tops.get(`${campaignId}:${limit}:${version}`, () =>
      this.rows(index.sorted.slice(0, limit), 1),
    );
    const mine = better(byUser.get(userId), await this.scored.peek(`${campaignId}:${userId}`));
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

  /** A result this instance just scored (committed): its worker sees it at once here. */
  async scoredHere(campaignId: number, result: Standing): Promise<void> {
    const key = `${campaignId}:${result.userId}`;
    const kept = better(await this.scored.peek(key), result)!;
    this.scored.set(key, kept);
  }

  /**
   * All standings on the first load and every FULL_RELOAD_MS; in between only the bests set since shortly
   * before the newest one held, merged into the index. Reading and hydrating 20,000 rows every few seconds
   * held the event loop for tens of milliseconds, and the readers queued behind it were the slowest of the
   * quiz benchmark's leaderboard reads (docs/benchmarks.md). Bests only ever improve and no row is ever
   * deleted, so the changed rows are all a reload needs.
   */
  private async loadStandings(campaignId: number, previous?: Standings): Promise<Standings> {
    const now = Date.now();
    if (!previous || now - previous.fullAt >= FULL_RELOAD_MS) {
      const sorted = await this.participants.standings(campaignId);
      return {
        index: new RankIndex<Standing>(sorted, byBest),
        byUser: new Map(sorted.map((p) => [p.userId, p])),
        newestAt: newestOf(sorted, 0),
        fullAt: now,
        version: (previous?.version ?? 0) + 1,
      };
    }
    const since = new Date(previous.newestAt - CHANGES_OVERLAP_MS);
    const changes = await this.participants.standingsSince(campaignId, since);
    if (!changes.length) return previous;
    const { byUser } = previous;
    const index = previous.index.withChanges(changes, (change) => byUser.get(change.userId));
    // In place: a reader holding the previous index may meet a fresher standing here, which RankIndex
    // places correctly (standings only improve).
    for (const change of changes) byUser.set(change.userId, change);
    return {
      index,
      byUser,
      newestAt: newestOf(changes, previous.newestAt),
      fullAt: previous.fullAt,
      version: previous.version + 1,
    };
  }

  /** Ranked rows from `firstRank` on, with each participant's display name and org. */
  private async rows(standings: Standing[], firstRank: number): Promise<PersonRankView[]> {
    if (!standings.length) return [];
    const byId = await this.users.listed(standings.map((p) => p.userId));
    return standings.map((p, i) => ({
      rank: firstRank + i,
      userId: p.userId,
      name: publicName(byId.get(p.userId)),
      org: byId.get(p.userId)?.orgName ?? null,
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
    const totals = await this.participants.orgTotals(campaignId);
    const candidates = await this.orgRecords.atDepth(depth);
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
  private async readableBy(campaignId: number, reader: AuthUser): Promise<Card> {
    const campaign = await this.campaignsService.live(campaignId);
    if (!campaign) throw AppException.notFound('活动不存在');
    const card = await this.cardOf(campaignId, reader.id);
    const audience = campaign.audienceOrg;
    if (!audience || card.orgPath?.startsWith(audience.path)) return card;
    if (reader.grants.length > 0 && (await this.scope.canManage(reader, campaign.ownerOrgId))) return card;
    throw AppException.notFound('活动不存在');
  }

  /**
   * A reader's card: a participant's from the campaign's cards, anyone else's (staff, a worker yet to take
   * part) by their own statement. Either is up to a minute old, like any card.
   */
  private async cardOf(campaignId: number, userId: number): Promise<Card> {
    const cards = await this.participantCards.get(campaignId, async () => {
      const rows = await this.participants.cards(campaignId);
      return new Map([...rows].map(([id, person]) => [id, toCard(person)]));
    });
    return cards.get(userId) ?? this.cards.get(userId, async () => toCard(await this.users.facts(userId)));
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
