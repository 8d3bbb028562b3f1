import { randomBytes, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  scoreOf,
  shanghaiDay,
  SUBMIT_GRACE_SECONDS,
  type AttemptQuestion,
  type AttemptResultView,
  type AttemptView,
  type MistakeView,
  type OptionKey,
  type PracticeResultView,
  type QuestionOption,
  type ReviewedQuestion,
} from '@jingcai/shared';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { Clock } from '../../common/clock';
import { withDeadlockRetry } from '../../common/database/deadlock-retry';
import { hotExecute, hotQuery } from '../../common/database/hot-query';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { AppException } from '../../common/errors/app-exception';
import { instantOf } from '../../common/database/columns';
import {
  Attempt,
  Campaign,
  Certificate,
  Mistake,
  Participant,
  Question,
  type DrawnQuestion,
} from './entities/quiz.entities';
import { QuizBanksService } from './quiz-banks.service';
import { audienceProblem, QuizCampaignsService, type QuizTaker } from './quiz-campaigns.service';

const LETTERS: OptionKey[] = ['A', 'B', 'C', 'D', 'E', 'F'];
/** In an upsert's update: the new attempt beats the stored best (a higher score, or as high and quicker). */
const BETTER =
  'VALUES(best_score) > best_score OR (VALUES(best_score) = best_score AND VALUES(best_duration) < best_duration)';

/** The worker taking a quiz: the audience rules, the leaderboard's org and the certificate's name. */
interface Taker extends QuizTaker {
  realName: string | null;
  nickname: string | null;
}

@Injectable()
export class QuizAttemptsService {
  constructor(
    @InjectRepository(Attempt) private readonly attempts: Repository<Attempt>,
    @InjectRepository(Question) private readonly questions: Repository<Question>,
    @InjectRepository(Mistake) private readonly mistakes: Repository<Mistake>,
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly campaignsService: QuizCampaignsService,
    private readonly banks: QuizBanksService,
  ) {}

  /**
   * Starts an attempt, or returns the open one. The server draws the questions, shuffles the options per
   * person, records the start and the deadline; the worker's phone clock decides nothing.
   */
  async start(userId: number, campaignId: number): Promise<{ created: boolean; attempt: AttemptView }> {
    const now = this.clock.now();
    const campaign = await this.campaignsService.live(campaignId);
    if (!campaign || campaign.status === 'draft') throw AppException.notFound('活动不存在');
    if (campaign.status === 'ended' || now < campaign.startsAt || now > campaign.endsAt) {
      throw new AppException('CAMPAIGN_CLOSED', '活动不在开放时间内');
    }
    // Who the worker is matters only to a campaign with an audience: an open one needs no lookup.
    const restricted = campaign.membersOnly || campaign.audienceOrg;
    const problem = restricted ? audienceProblem(campaign, await this.taker(userId)) : null;
    if (problem) throw new AppException('FORBIDDEN', problem);

    // One plain read gives both the open attempt (of any day) and today's count; the open attempt itself,
    // rarely there, is loaded whole only when it is.
    const day = shanghaiDay(now);
    const mine = await hotQuery<{ id: number | string; status: Attempt['status']; day: string }>(
      this.dataSource,
      'SELECT id, status, day FROM quiz_attempts WHERE campaign_id = ? AND user_id = ? AND (day = ? OR open_key = ?)',
      [campaignId, userId, day, openKeyOf(campaignId, userId)],
    );
    const openId = mine.find((a) => a.status === 'open')?.id;
    const open = openId === undefined ? null : await this.attemptWhere('id = ?', [openId]);
    if (open?.status === 'open') {
      if (!this.pastGrace(open, now)) return { created: false, attempt: await this.attemptView(open) };
      await this.finish(open, {}, now); // abandoned past its deadline: it scores 0 and counts
    }
    const usedToday = mine.filter((a) => a.day === day).length;
    if (usedToday >= campaign.attemptsPerDay)
      throw new AppException('NO_ATTEMPTS_LEFT', '今日答题次数已用完，明天再来吧');

    const drawn = await this.draw(campaign);
    const values = {
      campaignId,
      userId,
      openKey: openKeyOf(campaignId, userId),
      drawn,
      day,
      startedAt: now,
      deadline: new Date(now.getTime() + campaign.secondsPerAttempt * 1000),
    };
    try {
      const { identifiers } = await this.attempts.insert(values);
      const attempt = this.attempts.create({ ...values, id: Number(identifiers[0].id) });
      return { created: true, attempt: await this.attemptView(attempt) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // A concurrent start won: return its attempt.
    const attempt = await this.attempts.findOneByOrFail({ openKey: openKeyOf(campaignId, userId) });
    return { created: false, attempt: await this.attemptView(attempt) };
  }

  async get(userId: number, attemptId: number): Promise<AttemptView> {
    const attempt = await this.own(userId, attemptId);
    if (attempt.status !== 'open') throw new AppException('ATTEMPT_SUBMITTED', '本次答题已交卷');
    return this.attemptView(attempt);
  }

  /** Scores once; a repeated submit returns the same result. Late past the grace period: 0, and it counts. */
  async submit(
    userId: number,
    attemptId: number,
    answers: { questionId: number; choice: OptionKey[] }[],
  ): Promise<{ created: boolean; result: AttemptResultView }> {
    const attempt = await this.own(userId, attemptId);
    if (attempt.status === 'submitted')
      return { created: false, result: await this.result(userId, attemptId) };
    const choices: Record<string, OptionKey[]> = {};
    const drawnIds = new Set(attempt.drawn.map((d) => d.id));
    for (const a of answers)
      if (drawnIds.has(a.questionId)) choices[a.questionId] = [...new Set(a.choice)].sort();
    const finished = await this.finish(attempt, choices, this.clock.now());
    // Scored here: build the result from what was just written. Scored by a concurrent submit: read it.
    if (finished)
      return { created: true, result: await this.resultOf(finished.attempt, finished.certificateSerial) };
    return { created: false, result: await this.result(userId, attemptId) };
  }

  async result(userId: number, attemptId: number): Promise<AttemptResultView> {
    const attempt = await this.own(userId, attemptId);
    if (attempt.status !== 'submitted') throw new AppException('ATTEMPT_NOT_SUBMITTED', '尚未交卷');
    return this.resultOf(attempt);
  }

  /** `knownSerial`: the certificate just issued (or null for none); undefined means look it up. */
  private async resultOf(attempt: Attempt, knownSerial?: string | null): Promise<AttemptResultView> {
    const userId = attempt.userId;
    const questions = await this.questionsOf(attempt);
    const certificate =
      knownSerial === undefined
        ? await this.certificates.findOneBy({ campaignId: attempt.campaignId, userId })
        : knownSerial === null
          ? null
          : { serial: knownSerial };
    const review: ReviewedQuestion[] = attempt.drawn.map((d) => {
      const q = questions.get(d.id)!;
      const shown = shownQuestion(q, d);
      const choice = attempt.late ? [] : (attempt.answers?.[d.id] ?? []);
      const answer = toShown(q.answer.split('') as OptionKey[], d);
      return { ...shown, choice, answer, correct: sameKeys(choice, answer), explanation: q.explanation };
    });
    const campaign = (await this.campaignsService.live(attempt.campaignId))!;
    const passed = !attempt.late && (attempt.score ?? 0) >= campaign.passScore;
    return {
      attemptId: attempt.id,
      campaignId: attempt.campaignId,
      score: attempt.score ?? 0,
      passed,
      correctCount: attempt.correctCount ?? 0,
      questionCount: attempt.drawn.length,
      durationSeconds: attempt.durationSeconds ?? 0,
      late: attempt.late,
      review,
      certificateSerial: passed ? (certificate?.serial ?? null) : null,
    };
  }

  async mistakesOf(userId: number): Promise<MistakeView[]> {
    const rows = await this.mistakes.find({ where: { userId }, order: { lastWrongAt: 'DESC' }, take: 200 });
    const questions = rows.length
      ? await this.questions.findBy({ id: In(rows.map((r) => r.questionId)) })
      : [];
    const byId = new Map(questions.map((q) => [q.id, q]));
    return rows
      .filter((r) => byId.has(r.questionId))
      .map((r) => ({
        question: shownQuestion(byId.get(r.questionId)!, {
          id: r.questionId,
          order: byId.get(r.questionId)!.options.map((o) => o.key),
        }),
        campaignId: r.campaignId,
        wrongCount: r.wrongCount,
        lastWrongAt: r.lastWrongAt.toISOString(),
      }));
  }

  /** Practice keeps the original option order; a right answer takes the question out of the 错题本. */
  async practice(userId: number, questionId: number, choice: OptionKey[]): Promise<PracticeResultView> {
    const mistake = await this.mistakes.findOneBy({ userId, questionId });
    const question = mistake && (await this.questions.findOneBy({ id: questionId }));
    if (!question) throw AppException.notFound('错题不存在');
    const answer = question.answer.split('') as OptionKey[];
    const correct = sameKeys([...new Set(choice)].sort(), answer);
    if (correct) await this.mistakes.delete({ userId, questionId });
    return { correct, answer, explanation: question.explanation, removed: correct };
  }

  /** Closes an open attempt exactly once (conditional UPDATE), then records best score, mistakes and certificate. */
  private async finish(
    attempt: Attempt,
    choices: Record<string, OptionKey[]>,
    now: Date,
  ): Promise<{ attempt: Attempt; certificateSerial: string | null | undefined } | null> {
    const late = this.pastGrace(attempt, now);
    const questions = await this.questionsOf(attempt);
    const wrong: number[] = [];
    let correct = 0;
    for (const d of attempt.drawn) {
      const q = questions.get(d.id);
      if (!q) continue;
      const right = !late && sameKeys(choices[d.id] ?? [], toShown(q.answer.split('') as OptionKey[], d));
      if (right) correct++;
      else if (!late && choices[d.id]?.length) wrong.push(d.id);
    }
    const score = late ? 0 : scoreOf(correct, attempt.drawn.length);
    const duration = Math.min(
      Math.round((now.getTime() - attempt.startedAt.getTime()) / 1000),
      Math.round((attempt.deadline.getTime() - attempt.startedAt.getTime()) / 1000),
    );
    const campaign = (await this.campaignsService.live(attempt.campaignId))!;
    // Read before the transaction: a query on another pooled connection while holding one can exhaust
    // the pool under load and stall every submit.
    const user = await this.taker(attempt.userId);
    // One transaction, so a concurrent submit of the same attempt (blocked on the row until this commits)
    // reads the finished result, certificate included.
    const scored = {
      status: 'submitted' as const,
      openKey: null,
      submittedAt: now,
      answers: late ? {} : choices,
      score,
      correctCount: late ? 0 : correct,
      durationSeconds: duration,
      late,
    };
    // Safe to re-run after a deadlock: the conditional UPDATE scores the attempt at most once.
    return withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const closed = await hotExecute(
          manager,
          `UPDATE quiz_attempts SET status = 'submitted', open_key = NULL, submitted_at = ?, answers = ?, score = ?,
             correct_count = ?, duration_seconds = ?, late = ? WHERE id = ? AND status = 'open'`,
          [now, JSON.stringify(scored.answers), score, scored.correctCount, duration, late, attempt.id],
        );
        if (!closed) return null;
        await this.recordBest(manager, attempt, user, score, duration, now);
        await this.recordMistakes(manager, attempt, wrong, now);
        const certificateSerial =
          !late && score >= campaign.passScore
            ? await this.issueCertificate(manager, attempt, user, score, now)
            : null;
        return { attempt: this.attempts.create({ ...attempt, ...scored }), certificateSerial };
      }),
    );
  }

  /**
   * Keeps the best score (then the shorter time). On MySQL/MariaDB one upsert: most submits come from
   * workers already on the board, and the portable insert-then-update made each of them a failed INSERT
   * (an error built, with its stack) and a second statement. The embedded SQLite demo keeps that path.
   */
  private async recordBest(
    manager: EntityManager,
    attempt: Attempt,
    user: Taker | null,
    score: number,
    duration: number,
    now: Date,
  ): Promise<void> {
    if (manager.connection.driver instanceof MysqlDriver) {
      // Assignments run left to right: best_at and best_duration still compare against the stored best.
      await manager.query(
        `INSERT INTO quiz_participants (campaign_id, user_id, org_path, best_score, best_duration, best_at)
         VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE
           best_at = IF(${BETTER}, VALUES(best_at), best_at),
           best_duration = IF(${BETTER}, VALUES(best_duration), best_duration),
           best_score = GREATEST(best_score, VALUES(best_score))`,
        [attempt.campaignId, attempt.userId, user?.orgPath ?? null, score, duration, now],
      );
      return;
    }
    const repo = manager.getRepository(Participant);
    try {
      await repo.insert({
        campaignId: attempt.campaignId,
        userId: attempt.userId,
        orgPath: user?.orgPath ?? null,
        bestScore: score,
        bestDuration: duration,
        bestAt: now,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await repo
        .createQueryBuilder()
        .update()
        .set({ bestScore: score, bestDuration: duration, bestAt: now })
        .where(
          'campaign_id = :c AND user_id = :u AND (best_score < :s OR (best_score = :s AND best_duration > :d))',
          {
            c: attempt.campaignId,
            u: attempt.userId,
            s: score,
            d: duration,
          },
        )
        .execute();
    }
  }

  private async recordMistakes(
    manager: EntityManager,
    attempt: Attempt,
    questionIds: number[],
    now: Date,
  ): Promise<void> {
    const mistakes = manager.getRepository(Mistake);
    // Insert first, update on a duplicate, in key order. Updating first locked the gap where a missing row
    // would go (REPEATABLE READ), and two submits whose new rows fell in one gap deadlocked on their
    // inserts: hundreds of 500s per thousand submits in tests/bench/faults.
    for (const questionId of [...questionIds].sort((a, b) => a - b)) {
      try {
        await mistakes.insert({
          userId: attempt.userId,
          questionId,
          campaignId: attempt.campaignId,
          wrongCount: 1,
          lastWrongAt: now,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await mistakes
          .createQueryBuilder()
          .update()
          .set({ wrongCount: () => 'wrong_count + 1', lastWrongAt: now })
          .where('user_id = :u AND question_id = :q', { u: attempt.userId, q: questionId })
          .execute();
      }
    }
  }

  private async issueCertificate(
    manager: EntityManager,
    attempt: Attempt,
    user: Taker | null,
    score: number,
    now: Date,
  ): Promise<string | undefined> {
    const serial = `JC${randomBytes(8).toString('hex').toUpperCase()}`;
    return manager
      .getRepository(Certificate)
      .insert({
        serial,
        campaignId: attempt.campaignId,
        userId: attempt.userId,
        attemptId: attempt.id,
        name: user?.realName ?? user?.nickname ?? '职工',
        score,
        issuedAt: now,
      })
      .then(
        () => serial,
        (error: unknown) => {
          if (!isUniqueViolation(error)) throw error;
          return undefined; // already certified for this campaign: its serial is looked up
        },
      );
  }

  /** Random questions per draw rule, and a random option order per question (judge questions keep 正确/错误). */
  private async draw(campaign: Campaign): Promise<DrawnQuestion[]> {
    const drawn: DrawnQuestion[] = [];
    for (const rule of campaign.draw) {
      // A copy of the cached bank: the shuffle below must not reorder it for everyone else.
      const pool = (await this.banks.pool(rule.bankId)).filter((q) => q.type === rule.type);
      if (pool.length < rule.count)
        throw new AppException('BANK_TOO_SMALL', '题库题目不足，请联系工作人员');
      shuffle(pool);
      for (const q of pool.slice(0, rule.count)) {
        const keys = q.options.map((o) => o.key);
        drawn.push({ id: q.id, order: campaign.shuffleOptions && q.type !== 'judge' ? shuffle(keys) : keys });
      }
    }
    return drawn;
  }

  private async attemptView(attempt: Attempt): Promise<AttemptView> {
    const questions = await this.questionsOf(attempt);
    return {
      attemptId: attempt.id,
      campaignId: attempt.campaignId,
      deadline: attempt.deadline.toISOString(),
      startedAt: attempt.startedAt.toISOString(),
      questions: attempt.drawn
        .filter((d) => questions.has(d.id))
        .map((d) => shownQuestion(questions.get(d.id)!, d)),
    };
  }

  /** The attempt's questions from the campaign's cached banks; any no longer there, from the database. */
  private async questionsOf(attempt: Attempt): Promise<Map<number, Question>> {
    const campaign = await this.campaignsService.live(attempt.campaignId);
    const wanted = new Set(attempt.drawn.map((d) => d.id));
    const found = new Map<number, Question>();
    for (const bankId of new Set(campaign?.draw.map((rule) => rule.bankId) ?? [])) {
      for (const q of await this.banks.pool(bankId)) if (wanted.has(q.id)) found.set(q.id, q);
    }
    const missing = [...wanted].filter((id) => !found.has(id));
    if (missing.length) for (const q of await this.questions.findBy({ id: In(missing) })) found.set(q.id, q);
    return found;
  }

  /** Another worker's attempt is 404: existence is not disclosed. */
  private async own(userId: number, attemptId: number): Promise<Attempt> {
    const attempt = await this.attemptWhere('id = ? AND user_id = ?', [attemptId, userId]);
    if (!attempt) throw AppException.notFound('答题记录不存在');
    return attempt;
  }

  /** An attempt in plain SQL: one opens every submit, and findOneBy built its query each time. */
  private async attemptWhere(condition: string, params: unknown[]): Promise<Attempt | null> {
    const [row] = await hotQuery<AttemptRow>(this.dataSource, `${ATTEMPT_SQL} WHERE ${condition}`, params);
    return row ? this.attempts.create(attemptOfRow(row)) : null;
  }

  /** Plain SQL on the start and submit path (findOne with the org relation issues two statements). */
  private async taker(userId: number): Promise<Taker | null> {
    const [row] = await hotQuery<Taker>(
      this.dataSource,
      `SELECT u.real_name AS realName, u.nickname, u.membership, o.path AS orgPath
         FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id = ?`,
      [userId],
    );
    return row ?? null;
  }

  private pastGrace(attempt: Attempt, now: Date): boolean {
    return now.getTime() > attempt.deadline.getTime() + SUBMIT_GRACE_SECONDS * 1000;
  }
}

/** The question as shown: options re-lettered A… in the drawn order, and never the answer. */
function shownQuestion(q: Question, d: DrawnQuestion): AttemptQuestion {
  const byKey = new Map(q.options.map((o) => [o.key, o.text]));
  const options: QuestionOption[] = d.order.map((original, i) => ({
    key: LETTERS[i],
    text: byKey.get(original) ?? '',
  }));
  return { id: q.id, type: q.type, stem: q.stem, options };
}

/** Original keys → the letters they were shown under. */
function toShown(original: OptionKey[], d: DrawnQuestion): OptionKey[] {
  return original.map((k) => LETTERS[d.order.indexOf(k)]).sort();
}

function sameKeys(a: OptionKey[], b: OptionKey[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const ATTEMPT_SQL = `SELECT id, campaign_id AS campaignId, user_id AS userId, open_key AS openKey, drawn, day,
    started_at AS startedAt, deadline, status, submitted_at AS submittedAt, answers, score,
    correct_count AS correctCount, duration_seconds AS durationSeconds, late
  FROM quiz_attempts`;

interface AttemptRow {
  id: number | string;
  campaignId: number | string;
  userId: number | string;
  openKey: string | null;
  drawn: string;
  day: string;
  startedAt: Date | string;
  deadline: Date | string;
  status: Attempt['status'];
  submittedAt: Date | string | null;
  answers: string | null;
  score: number | string | null;
  correctCount: number | string | null;
  durationSeconds: number | string | null;
  late: number | string | boolean;
}

/** The attempt as TypeORM would load it (the drivers differ in how they return numbers and instants). */
function attemptOfRow(row: AttemptRow): Attempt {
  const int = (value: number | string | null) => (value === null ? null : Number(value));
  return {
    id: Number(row.id),
    campaignId: Number(row.campaignId),
    userId: Number(row.userId),
    openKey: row.openKey,
    drawn: JSON.parse(row.drawn) as DrawnQuestion[],
    day: row.day,
    startedAt: instantOf(row.startedAt),
    deadline: instantOf(row.deadline),
    status: row.status,
    submittedAt: row.submittedAt === null ? null : instantOf(row.submittedAt),
    answers: row.answers === null ? null : (JSON.parse(row.answers) as Record<string, OptionKey[]>),
    score: int(row.score),
    correctCount: int(row.correctCount),
    durationSeconds: int(row.durationSeconds),
    late: Boolean(Number(row.late)),
  };
}

function openKeyOf(campaignId: number, userId: number): string {
  return `${campaignId}:${userId}`;
}
