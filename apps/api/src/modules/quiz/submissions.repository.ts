import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OptionKey } from '@jingcai/shared';
import { DataSource } from 'typeorm';
import { withDeadlockRetry } from '../../common/database/deadlock-retry';
import { isMysql } from '../../common/database/hot-query';
import { HotTransactions, type HotStatements } from '../../common/database/hot-transaction';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { PERSON_SQL } from '../users/users.repository';
import type { Attempt } from './entities/quiz.entities';

/** What closing an attempt writes on it. */
export interface Scoring {
  submittedAt: Date;
  answers: Record<string, OptionKey[]>;
  score: number;
  correctCount: number;
  durationSeconds: number;
  late: boolean;
}

/** What else a submit records, in the same transaction. */
export interface SubmitRecords {
  /** Questions answered wrong: into the 错题本. */
  wrong: number[];
  /** The serial of a certificate to issue (passed), or null. */
  certificateSerial: string | null;
}

/** In an upsert's update: the new attempt beats the stored best (a higher score, or as high and quicker). */
const BETTER =
  'VALUES(best_score) > best_score OR (VALUES(best_score) = best_score AND VALUES(best_duration) < best_duration)';

/**
 * A submit's transaction: closes the attempt exactly once and keeps the best score, the 错题本 and the
 * certificate with it. On MySQL/MariaDB that is one statement per table and no read: the worker's org path
 * (kept on their leaderboard row) and name (on the certificate) come from the users feature's subqueries
 * (PERSON_SQL) inside the writes, and the transaction opens with its first statement (HotTransactions).
 */
@Injectable()
export class SubmissionsRepository {
  constructor(
    private readonly transactions: HotTransactions,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Closes an open attempt (conditional UPDATE) and records the rest in the same transaction, so a
   * concurrent submit of the same attempt (blocked on the row until this commits) reads the finished result,
   * certificate included. Null when it was already closed. The certificate's serial answers undefined when
   * the worker already held one.
   */
  submit(
    attempt: Attempt,
    scoring: Scoring,
    records: SubmitRecords,
  ): Promise<{ certificateSerial: string | null | undefined } | null> {
    const { submittedAt: now, answers, score, correctCount, durationSeconds: duration, late } = scoring;
    const mysql = isMysql(this.dataSource);
    // Safe to re-run after a deadlock: the conditional UPDATE scores the attempt at most once.
    return withDeadlockRetry(() =>
      this.transactions.run(async (tx) => {
        const closed = await tx.execute(
          `UPDATE quiz_attempts SET status = 'submitted', open_key = NULL, submitted_at = ?, answers = ?, score = ?,
             correct_count = ?, duration_seconds = ?, late = ? WHERE id = ? AND status = 'open'`,
          [now, JSON.stringify(answers), score, correctCount, duration, late, attempt.id],
        );
        if (!closed) return null;
        const best = [attempt.campaignId, attempt.userId, score, duration, now] as const;
        await (mysql ? recordBest(tx, ...best) : recordBestPortably(tx, ...best));
        await (mysql ? recordMistakes : recordMistakesPortably)(tx, attempt, records.wrong, now);
        const certificateSerial = records.certificateSerial
          ? await issueCertificate(tx, attempt, records.certificateSerial, score, now)
          : null;
        return { certificateSerial };
      }),
    );
  }
}

/**
 * Keeps the best score (then the shorter time) in one upsert: the portable insert-then-update made most
 * submits (workers already on the board) a failed INSERT, with its error and stack, and a second statement.
 * Assignments run left to right: best_at and best_duration still compare against the stored best.
 */
async function recordBest(
  tx: HotStatements,
  campaignId: number,
  userId: number,
  score: number,
  duration: number,
  now: Date,
) {
  await tx.execute(
    `INSERT INTO quiz_participants (campaign_id, user_id, org_path, best_score, best_duration, best_at)
     VALUES (?, ?, ${PERSON_SQL.orgPath}, ?, ?, ?) ON DUPLICATE KEY UPDATE
       best_at = IF(${BETTER}, VALUES(best_at), best_at),
       best_duration = IF(${BETTER}, VALUES(best_duration), best_duration),
       best_score = GREATEST(best_score, VALUES(best_score))`,
    [campaignId, userId, userId, score, duration, now],
  );
}

/** The embedded SQLite demo: insert, else update when better. */
async function recordBestPortably(
  tx: HotStatements,
  campaignId: number,
  userId: number,
  score: number,
  duration: number,
  now: Date,
) {
  try {
    await tx.execute(
      `INSERT INTO quiz_participants (campaign_id, user_id, org_path, best_score, best_duration, best_at)
       VALUES (?, ?, ${PERSON_SQL.orgPath}, ?, ?, ?)`,
      [campaignId, userId, userId, score, duration, now],
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await tx.execute(
      `UPDATE quiz_participants SET best_score = ?, best_duration = ?, best_at = ?
         WHERE campaign_id = ? AND user_id = ? AND (best_score < ? OR (best_score = ? AND best_duration > ?))`,
      [score, duration, now, campaignId, userId, score, score, duration],
    );
  }
}

/**
 * One upsert for all of the attempt's mistakes, in key order. Updating first locked the gap where a missing
 * row would go (REPEATABLE READ), and two submits whose new rows fell in one gap deadlocked on their inserts:
 * hundreds of 500s per thousand submits in tests/bench/faults. An insert that meets a duplicate locks only
 * that row, and rows taken in key order cannot wait on each other in a cycle.
 */
async function recordMistakes(tx: HotStatements, attempt: Attempt, questionIds: number[], now: Date) {
  if (!questionIds.length) return;
  const sorted = [...questionIds].sort((a, b) => a - b);
  await tx.execute(
    `INSERT INTO quiz_mistakes (user_id, question_id, campaign_id, wrong_count, last_wrong_at)
     VALUES ${sorted.map(() => '(?, ?, ?, 1, ?)').join(', ')}
     ON DUPLICATE KEY UPDATE wrong_count = wrong_count + 1, last_wrong_at = VALUES(last_wrong_at)`,
    sorted.flatMap((questionId) => [attempt.userId, questionId, attempt.campaignId, now]),
  );
}

/** The embedded SQLite demo: each mistake inserted, else counted again. */
async function recordMistakesPortably(tx: HotStatements, attempt: Attempt, questionIds: number[], now: Date) {
  for (const questionId of [...questionIds].sort((a, b) => a - b)) {
    try {
      await tx.execute(
        'INSERT INTO quiz_mistakes (user_id, question_id, campaign_id, wrong_count, last_wrong_at) VALUES (?, ?, ?, 1, ?)',
        [attempt.userId, questionId, attempt.campaignId, now],
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await tx.execute(
        'UPDATE quiz_mistakes SET wrong_count = wrong_count + 1, last_wrong_at = ? WHERE user_id = ? AND question_id = ?',
        [now, attempt.userId, questionId],
      );
    }
  }
}

/** The certificate bears the holder's name as staff see it (PERSON_SQL.staffName); undefined if already held. */
async function issueCertificate(
  tx: HotStatements,
  attempt: Attempt,
  serial: string,
  score: number,
  now: Date,
) {
  try {
    await tx.execute(
      `INSERT INTO quiz_certificates (serial, campaign_id, user_id, attempt_id, name, score, issued_at)
       VALUES (?, ?, ?, ?, ${PERSON_SQL.staffName}, ?, ?)`,
      [serial, attempt.campaignId, attempt.userId, attempt.id, attempt.userId, score, now],
    );
    return serial;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return undefined; // already certified for this campaign: its serial is looked up
  }
}
