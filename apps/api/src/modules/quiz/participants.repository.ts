import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { instantOf } from '../../common/database/columns';
import { personCardSql, type PersonCard } from '../users/users.repository';
import { Participant } from './entities/quiz.entities';

/** A participant's best result, as the leaderboards rank it. */
export interface Standing {
  userId: number;
  bestScore: number;
  bestDuration: number;
  bestAt: Date;
}

type StandingRow = Record<keyof Standing, number | string | Date>;

function standingOfRow(r: StandingRow): Standing {
  return {
    userId: Number(r.userId),
    bestScore: Number(r.bestScore),
    bestDuration: Number(r.bestDuration),
    bestAt: instantOf(r.bestAt as Date | string),
  };
}

/** Participants and the sum of their best scores under one org path. */
export interface OrgTotal {
  path: string;
  count: number;
  total: number;
}

/** The quiz_participants statements: each worker's best result per campaign, what the leaderboards read. */
@Injectable()
export class ParticipantsRepository {
  constructor(@InjectRepository(Participant) private readonly participants: Repository<Participant>) {}

  /** Everyone's standing, best first (score, then time, then who got there first). */
  async standings(campaignId: number): Promise<Standing[]> {
    const rows = await this.standingRows(campaignId)
      .orderBy('p.best_score', 'DESC')
      .addOrderBy('p.best_duration', 'ASC')
      .addOrderBy('p.best_at', 'ASC')
      .addOrderBy('p.user_id', 'ASC')
      .getRawMany<StandingRow>();
    return rows.map(standingOfRow);
  }

  /**
   * The standings whose best was set at or after `since` (newcomers included), in no order: what a
   * leaderboard's reload merges into the standings it holds (`idx_quiz_participants_recent`).
   */
  async standingsSince(campaignId: number, since: Date): Promise<Standing[]> {
    const rows = await this.standingRows(campaignId)
      .andWhere('p.best_at >= :since', { since })
      .getRawMany<StandingRow>();
    return rows.map(standingOfRow);
  }

  /**
   * A campaign's standings as raw rows, not entities: tens of thousands of them, and entity hydration would
   * hold the event loop.
   */
  private standingRows(campaignId: number) {
    return this.participants
      .createQueryBuilder('p')
      .select('p.user_id', 'userId')
      .addSelect('p.best_score', 'bestScore')
      .addSelect('p.best_duration', 'bestDuration')
      .addSelect('p.best_at', 'bestAt')
      .where('p.campaign_id = :campaignId', { campaignId });
  }

  /** Every participant's card by user id, for the leaderboards' readers (rankings service). */
  async cards(campaignId: number): Promise<Map<number, PersonCard>> {
    const card = personCardSql('p.user_id');
    const rows: Array<PersonCard & { userId: number | string }> = await this.participants.query(
      `SELECT p.user_id AS userId, ${card.columns} FROM quiz_participants p ${card.joins} WHERE p.campaign_id = ?`,
      [campaignId],
    );
    return new Map(
      rows.map(({ userId, realName, nickname, orgName, orgPath }) => [
        Number(userId),
        { realName, nickname, orgName, orgPath },
      ]),
    );
  }

  /** Every participant's row, best first: the results export. */
  ranked(campaignId: number): Promise<Participant[]> {
    return this.participants.find({
      where: { campaignId },
      order: { bestScore: 'DESC', bestDuration: 'ASC', bestAt: 'ASC' },
    });
  }

  /** Participants and their best scores grouped by the org path they took part from. */
  async orgTotals(campaignId: number): Promise<OrgTotal[]> {
    const groups = await this.participants
      .createQueryBuilder('p')
      .select('p.org_path', 'path')
      .addSelect('COUNT(*)', 'count')
      .addSelect('SUM(p.best_score)', 'total')
      .where('p.campaign_id = :c AND p.org_path IS NOT NULL', { c: campaignId })
      .groupBy('p.org_path')
      .getRawMany<{ path: string; count: string; total: string }>();
    return groups.map((g) => ({ path: g.path, count: Number(g.count), total: Number(g.total) }));
  }

  /** How many took part, their average best score and how many of them passed. */
  async summary(
    campaignId: number,
    passScore: number,
  ): Promise<{ participants: number; average: number; passed: number }> {
    const [row] = await this.participants
      .createQueryBuilder('p')
      .select('COUNT(*)', 'participants')
      .addSelect('COALESCE(AVG(p.best_score), 0)', 'average')
      .addSelect('SUM(CASE WHEN p.best_score >= :pass THEN 1 ELSE 0 END)', 'passed')
      .where('p.campaign_id = :id', { id: campaignId, pass: passScore })
      .getRawMany<{ participants: string; average: string; passed: string | null }>();
    return {
      participants: Number(row.participants),
      average: Number(row.average),
      passed: Number(row.passed ?? 0),
    };
  }

  /** The worker's best results on these campaigns. */
  bestOf(userId: number, campaignIds: number[]): Promise<Participant[]> {
    return this.participants.find({ where: { userId, campaignId: In(campaignIds) } });
  }
}
