import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { OptionKey } from '@jingcai/shared';
import { DataSource, In, Repository } from 'typeorm';
import { instantOf } from '../../common/database/columns';
import { hotInsert, hotQuery } from '../../common/database/hot-query';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { Attempt, type DrawnQuestion } from './entities/quiz.entities';
import { PERSON_SQL } from '../users/users.repository';
import { openKeyOf } from './quiz-rules';

/** A row of quiz_attempts as the drivers answer it, keyed like the entity. */
type AttemptRow = Record<keyof Attempt, unknown>;

/**
 * The attempt as TypeORM would load it (the drivers differ in how they return numbers and instants), as a
 * plain object: the repository's create() walked the entity metadata on every start and submit.
 */
function attemptOfRow(row: AttemptRow): Attempt {
  const int = (value: unknown) => (value === null ? null : Number(value));
  const instant = (value: unknown) => instantOf(value as Date | string);
  return {
    id: Number(row.id),
    campaignId: Number(row.campaignId),
    userId: Number(row.userId),
    openKey: row.openKey as string | null,
    drawn: JSON.parse(row.drawn as string) as DrawnQuestion[],
    day: row.day as string,
    startedAt: instant(row.startedAt),
    deadline: instant(row.deadline),
    status: row.status as Attempt['status'],
    submittedAt: row.submittedAt === null ? null : instant(row.submittedAt),
    answers: row.answers === null ? null : (JSON.parse(row.answers as string) as Record<string, OptionKey[]>),
    score: int(row.score),
    correctCount: int(row.correctCount),
    durationSeconds: int(row.durationSeconds),
    late: Boolean(Number(row.late)),
  };
}

/** A worker's attempt on a campaign today, or open from any day. */
export interface RecentAttempt {
  id: number | string;
  status: Attempt['status'];
  day: string;
}

/** What a start reads before it inserts: the worker's recent attempts and whether they use 长辈模式. */
export interface StartFacts {
  attempts: RecentAttempt[];
  careMode: boolean;
}

/** One row even when there is no attempt (the one-row table), each carrying the worker's care mode. */
const START_FACTS_SQL = `SELECT ${PERSON_SQL.careMode} AS careMode, a.id, a.status, a.day
  FROM (SELECT 1 AS one) one
  LEFT JOIN quiz_attempts a ON a.campaign_id = ? AND a.user_id = ? AND (a.day = ? OR a.open_key = ?)`;

export type NewAttempt = Pick<Attempt, 'campaignId' | 'userId' | 'drawn' | 'day' | 'startedAt' | 'deadline'>;

/** The quiz_attempts statements (a submit's transaction is SubmissionsRepository's). */
@Injectable()
export class AttemptsRepository {
  private selectAttempt?: string;

  constructor(
    @InjectRepository(Attempt) private readonly attempts: Repository<Attempt>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * One plain read on the start path: the open attempt (of any day) and today's, for the daily count, and the
   * worker's care mode for the new attempt's time limit (the users feature's subquery, not a second statement).
   */
  async startFactsOf(campaignId: number, userId: number, day: string): Promise<StartFacts> {
    const rows = await hotQuery<RecentAttempt & { careMode: unknown }>(this.dataSource, START_FACTS_SQL, [
      userId,
      campaignId,
      userId,
      day,
      openKeyOf(campaignId, userId),
    ]);
    return {
      attempts: rows.filter((r) => r.id !== null).map(({ id, status, day: rowDay }) => ({ id, status, day: rowDay })),
      careMode: Boolean(Number(rows[0]?.careMode ?? 0)),
    };
  }

  /** Plain SQL (as are the others on start and submit): findOneBy built its query each time. */
  byId(id: number | string): Promise<Attempt | null> {
    return this.one(`${this.attemptSql()} WHERE id = ?`, [id]);
  }

  /** The worker's own attempt; another worker's reads as missing. */
  ownedBy(userId: number, id: number): Promise<Attempt | null> {
    return this.one(`${this.attemptSql()} WHERE id = ? AND user_id = ?`, [id, userId]);
  }

  private async one(statement: string, params: unknown[]): Promise<Attempt | null> {
    const [row] = await hotQuery<AttemptRow>(this.dataSource, statement, params);
    return row ? attemptOfRow(row) : null;
  }

  /** SELECT of every column of the entity, aliased to its property: a renamed column follows the entity. */
  private attemptSql(): string {
    if (!this.selectAttempt) {
      const { columns, tableName } = this.attempts.metadata;
      const list = columns.map((c) =>
        c.databaseName === c.propertyName ? c.databaseName : `${c.databaseName} AS ${c.propertyName}`,
      );
      this.selectAttempt = `SELECT ${list.join(', ')} FROM ${tableName}`;
    }
    return this.selectAttempt;
  }

  /**
   * Inserts the attempt open; null when the worker already has one open (a concurrent start won). Plain SQL:
   * TypeORM's insert() read the row back for its column defaults, a second statement on every start.
   */
  async insertOpen(values: NewAttempt): Promise<Attempt | null> {
    const openKey = openKeyOf(values.campaignId, values.userId);
    const { campaignId, userId, drawn, day, startedAt, deadline } = values;
    try {
      const id = await hotInsert(
        this.dataSource,
        'INSERT INTO quiz_attempts (campaign_id, user_id, open_key, drawn, day, started_at, deadline) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [campaignId, userId, openKey, JSON.stringify(drawn), day, startedAt, deadline],
      );
      return {
        ...values,
        id,
        openKey,
        status: 'open',
        submittedAt: null,
        answers: null,
        score: null,
        correctCount: null,
        durationSeconds: null,
        late: false,
      };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return null;
    }
  }

  openOf(campaignId: number, userId: number): Promise<Attempt> {
    return this.attempts.findOneByOrFail({ openKey: openKeyOf(campaignId, userId) });
  }

  submittedCount(campaignId: number): Promise<number> {
    return this.attempts.countBy({ campaignId, status: 'submitted' });
  }

  /** The worker's attempts started today on these campaigns. */
  todaysOf(userId: number, campaignIds: number[], day: string): Promise<Pick<Attempt, 'id' | 'campaignId' | 'status'>[]> {
    return this.attempts.find({
      select: { id: true, campaignId: true, status: true },
      where: { userId, campaignId: In(campaignIds), day },
    });
  }
}
