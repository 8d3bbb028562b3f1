import { randomBytes, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  attemptTimeLimit,
  shanghaiDay,
  type AttemptResultView,
  type AttemptView,
  type OptionKey,
  type ReviewedQuestion,
} from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { TtlCache } from '../../common/cache/ttl-cache';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { UsersRepository } from '../users/users.repository';
import { AttemptsRepository } from './attempts.repository';
import { CertificatesRepository } from './certificates.repository';
import type { Attempt, Campaign, DrawnQuestion } from './entities/quiz.entities';
import { QuizBanksService } from './quiz-banks.service';
import { QuizCampaignsService } from './quiz-campaigns.service';
import { QuizRankingsService } from './quiz-rankings.service';
import { SubmissionsRepository } from './submissions.repository';
import {
  answerOf,
  audienceProblem,
  choicesFor,
  drawQuestions,
  dueAt,
  durationSeconds,
  isOpenAt,
  isPastGrace,
  sameKeys,
  scoreAttempt,
  shownQuestion,
  toShown,
} from './quiz-rules';

const random = (bound: number) => randomInt(bound);

/**
 * How long an instance keeps an attempt it started, for the submit: past the longest sensible attempt, and
 * a submit that finds none reads it from the database.
 */
const OPENED_CACHE_MS = 30 * 60_000;
/** Open attempts kept per instance; at ~2 KB each, ~20 MB at most. */
const OPENED_CACHE_SIZE = 10_000;

@Injectable()
export class QuizAttemptsService {
  private readonly opened = new TtlCache<number, Attempt>(OPENED_CACHE_MS, OPENED_CACHE_SIZE);

  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly certificates: CertificatesRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
    private readonly campaignsService: QuizCampaignsService,
    private readonly questions: QuizBanksService,
    private readonly rankings: QuizRankingsService,
  ) {}

  /**
   * Starts an attempt, or returns the open one. The server draws the questions, shuffles the options per
   * person, records the start and the deadline; the worker's phone clock decides nothing.
   */
  async start(user: AuthUser, campaignId: number): Promise<{ created: boolean; attempt: AttemptView }> {
    const userId = user.id;
    const now = this.clock.now();
    const campaign = await this.campaignsService.live(campaignId);
    if (!campaign || campaign.status === 'draft') throw AppException.notFound('活动不存在');
    if (!isOpenAt(campaign, now)) throw new AppException('CAMPAIGN_CLOSED', '活动不在开放时间内');
    // Staff who run the campaign or can read its banks' answers are not ranked in it.
    if (await this.campaignsService.isRunBy(user, campaign)) {
      throw new AppException('OWN_RECORD', '负责本活动或其题库的工作人员不参加本活动答题');
    }
    // Who the worker is matters only to a campaign with an audience: an open one needs no lookup.
    const restricted = campaign.membersOnly || campaign.audienceOrg;
    const problem = restricted ? audienceProblem(campaign, await this.users.facts(userId)) : null;
    if (problem) throw new AppException('FORBIDDEN', problem);

    // One plain read gives the open attempt (of any day), today's count and the care mode; the open attempt
    // itself, rarely there, is loaded whole only when it is.
    const day = shanghaiDay(now);
    const { attempts: mine, careMode } = await this.attempts.startFactsOf(campaignId, userId, day);
    const openId = mine.find((a) => a.status === 'open')?.id;
    const open = openId === undefined ? null : await this.attempts.byId(openId);
    if (open?.status === 'open') {
      if (!isPastGrace(dueAt(open, campaign), now)) {
        this.opened.set(open.id, open);
        return { created: false, attempt: await this.attemptView(open) };
      }
      await this.finish(open, {}, now); // abandoned past its deadline: it scores 0 and counts
    }
    const usedToday = mine.filter((a) => a.day === day).length;
    if (usedToday >= campaign.attemptsPerDay)
      throw new AppException('NO_ATTEMPTS_LEFT', '今日答题次数已用完，明天再来吧');

    const inserted = await this.attempts.insertOpen({
      campaignId,
      userId,
      drawn: await this.draw(campaign),
      day,
      startedAt: now,
      deadline: deadlineFor(campaign, careMode, now),
    });
    if (inserted) {
      this.opened.set(inserted.id, inserted);
      return { created: true, attempt: await this.attemptView(inserted) };
    }
    // A concurrent start won: return its attempt.
    const attempt = await this.attempts.openOf(campaignId, userId);
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
    const attempt = (await this.openedBy(userId, attemptId)) ?? (await this.own(userId, attemptId));
    if (attempt.status === 'submitted')
      return { created: false, result: await this.result(userId, attemptId) };
    const finished = await this.finish(attempt, choicesFor(attempt.drawn, answers), this.clock.now());
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
    const campaign = (await this.campaignsService.live(attempt.campaignId))!;
    const questions = await this.questions.ofAttempt(campaign, attempt.drawn);
    const certificate =
      knownSerial === undefined
        ? await this.certificates.heldBy(attempt.campaignId, userId)
        : knownSerial === null
          ? null
          : { serial: knownSerial };
    const review: ReviewedQuestion[] = attempt.drawn.map((d) => {
      const q = questions.get(d.id)!;
      const shown = shownQuestion(q, d);
      const choice = attempt.late ? [] : (attempt.answers?.[d.id] ?? []);
      const answer = toShown(answerOf(q), d);
      return { ...shown, choice, answer, correct: sameKeys(choice, answer), explanation: q.explanation };
    });
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

  /** Closes an open attempt exactly once, then records best score, mistakes and certificate (one transaction). */
  private async finish(
    attempt: Attempt,
    choices: Record<string, OptionKey[]>,
    now: Date,
  ): Promise<{ attempt: Attempt; certificateSerial: string | null | undefined } | null> {
    const campaign = (await this.campaignsService.live(attempt.campaignId))!;
    const due = dueAt(attempt, campaign);
    const late = isPastGrace(due, now);
    const questions = await this.questions.ofAttempt(campaign, attempt.drawn);
    const { score, correct, wrong } = scoreAttempt(attempt.drawn, questions, choices, late);
    const passed = !late && score >= campaign.passScore;
    const scoring = {
      submittedAt: now,
      answers: late ? {} : choices,
      score,
      correctCount: correct,
      durationSeconds: durationSeconds(attempt.startedAt, due, now),
      late,
    };
    // Closed here or elsewhere, this instance's copy is no longer open.
    this.opened.delete(attempt.id);
    const done = await this.submissions.submit(attempt, scoring, {
      wrong,
      certificateSerial: passed ? newSerial() : null,
    });
    if (!done) return null;
    await this.rankings.scoredHere(attempt.campaignId, {
      userId: attempt.userId,
      bestScore: score,
      bestDuration: scoring.durationSeconds,
      bestAt: now,
    });
    const scored = { ...attempt, ...scoring, status: 'submitted' as const, openKey: null };
    return { attempt: scored, certificateSerial: done.certificateSerial };
  }

  /** Random questions per draw rule, and a random option order per question, from the cached banks. */
  private async draw(campaign: Campaign): Promise<DrawnQuestion[]> {
    const pools = await this.questions.poolsOf(campaign);
    const drawn = drawQuestions(campaign.draw, campaign.shuffleOptions, (id) => pools.get(id) ?? [], random);
    if (!drawn) throw new AppException('BANK_TOO_SMALL', '题库题目不足，请联系工作人员');
    return drawn;
  }

  private async attemptView(attempt: Attempt): Promise<AttemptView> {
    const campaign = await this.campaignsService.live(attempt.campaignId);
    const questions = await this.questions.ofAttempt(campaign, attempt.drawn);
    return {
      attemptId: attempt.id,
      campaignId: attempt.campaignId,
      // Untimed: no countdown (the campaign's end still closes the attempt).
      deadline: campaign?.secondsPerAttempt === null ? null : attempt.deadline.toISOString(),
      startedAt: attempt.startedAt.toISOString(),
      questions: attempt.drawn
        .filter((d) => questions.has(d.id))
        .map((d) => shownQuestion(questions.get(d.id)!, d)),
    };
  }

  /**
   * The attempt as this instance started it, while open: a submit usually reaches the instance that took
   * the start, and what it needs (the draw, start and deadline) never changes. Whether it is still open is
   * the conditional UPDATE's to decide. Another worker's reads as missing, as below.
   */
  private async openedBy(userId: number, attemptId: number): Promise<Attempt | null> {
    const attempt = await this.opened.peek(attemptId);
    return attempt?.userId === userId ? attempt : null;
  }

  /** Another worker's attempt is 404: existence is not disclosed. */
  private async own(userId: number, attemptId: number): Promise<Attempt> {
    const attempt = await this.attempts.ownedBy(userId, attemptId);
    if (!attempt) throw AppException.notFound('答题记录不存在');
    return attempt;
  }
}

/** Unguessable: whoever holds it can verify the certificate. */
function newSerial(): string {
  return `JC${randomBytes(8).toString('hex').toUpperCase()}`;
}

/** The campaign's limit, ×1.5 for a worker in 长辈模式 (shared `attemptTimeLimit`). */
function deadlineFor(campaign: Campaign, careMode: boolean, now: Date): Date {
  const seconds = attemptTimeLimit({ secondsPerAttempt: campaign.secondsPerAttempt, careMode });
  // Untimed: the attempt stays open until the campaign closes.
  return seconds === null ? campaign.endsAt : new Date(now.getTime() + seconds * 1000);
}
