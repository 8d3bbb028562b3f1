import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { audienceCondition } from '../orgs/org-audience';
import { Attempt, Campaign, Certificate, Participant } from './entities/quiz.entities';

/** A submitted attempt as the worker's history lists it: no questions drawn, no answers. */
export type AttemptSummary = Pick<
  Attempt,
  'id' | 'campaignId' | 'score' | 'correctCount' | 'durationSeconds' | 'late' | 'submittedAt'
>;

/**
 * What a worker looks back on: their own attempts and certificates across campaigns, and the campaigns of
 * their audience that are over. Reads only; the attempt and leaderboard hot paths live elsewhere.
 */
@Injectable()
export class QuizHistoryRepository {
  constructor(
    @InjectRepository(Attempt) private readonly attempts: Repository<Attempt>,
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
  ) {}

  /** The worker's submitted attempts, newest first, one page (the `idx_quiz_attempts_user` range). */
  submittedOf(userId: number, skip: number, take: number): Promise<[AttemptSummary[], number]> {
    return this.attempts.findAndCount({
      select: {
        id: true,
        campaignId: true,
        score: true,
        correctCount: true,
        durationSeconds: true,
        late: true,
        submittedAt: true,
      },
      where: { userId, status: 'submitted' },
      order: { id: 'DESC' },
      skip,
      take,
    });
  }

  campaignsByIds(ids: number[]): Promise<Campaign[]> {
    return ids.length ? this.campaigns.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** The worker's certificates, latest first: one per campaign passed at most. */
  certificatesOf(userId: number): Promise<Certificate[]> {
    return this.certificates.find({ where: { userId }, order: { issuedAt: 'DESC' } });
  }

  /** The worker's certificates among these campaigns. */
  certificatesIn(userId: number, campaignIds: number[]): Promise<Certificate[]> {
    return campaignIds.length
      ? this.certificates.findBy({ userId, campaignId: In(campaignIds) })
      : Promise.resolve([]);
  }

  /**
   * Campaigns that are over at `now` (ended by staff, or published and past their window) and were aimed at
   * a worker of this org (members-only ones for members only), the latest to end first. The audience is
   * filtered in the query, before the page is cut.
   */
  pastFor(
    now: Date,
    orgPath: string | null,
    member: boolean,
    skip: number,
    take: number,
  ): Promise<[Campaign[], number]> {
    const audience = audienceCondition('c.audienceOrgId', 'audience', orgPath);
    const query = this.campaigns
      .createQueryBuilder('c')
      .leftJoin('c.audienceOrg', 'audience')
      .where("(c.status = 'ended' OR (c.status = 'published' AND c.endsAt < :now))", { now })
      .andWhere(audience.where, audience.parameters);
    if (!member) query.andWhere('c.membersOnly = :no', { no: false });
    return query.orderBy('c.endsAt', 'DESC').addOrderBy('c.id', 'DESC').skip(skip).take(take).getManyAndCount();
  }

  /** Participants per campaign (primary-key prefix ranges). */
  async participantCounts(campaignIds: number[]): Promise<Map<number, number>> {
    if (!campaignIds.length) return new Map();
    const rows = await this.participants
      .createQueryBuilder('p')
      .select('p.campaignId', 'campaignId')
      .addSelect('COUNT(*)', 'count')
      .where({ campaignId: In(campaignIds) })
      .groupBy('p.campaignId')
      .getRawMany<{ campaignId: number | string; count: number | string }>();
    return new Map(rows.map((r) => [Number(r.campaignId), Number(r.count)]));
  }

  /** The worker's best score per campaign, among these campaigns. */
  async bestScoresOf(userId: number, campaignIds: number[]): Promise<Map<number, number>> {
    if (!campaignIds.length) return new Map();
    const rows = await this.participants.find({
      select: { campaignId: true, bestScore: true },
      where: { userId, campaignId: In(campaignIds) },
    });
    return new Map(rows.map((r) => [r.campaignId, r.bestScore]));
  }
}

