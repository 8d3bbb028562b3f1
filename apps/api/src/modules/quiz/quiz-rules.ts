import {
  scoreOf,
  SUBMIT_GRACE_SECONDS,
  type AttemptQuestion,
  type CampaignStatus,
  type MembershipStatus,
  type OptionKey,
  type QuestionOption,
  type QuestionType,
} from '@jingcai/shared';
import type { DrawnQuestion, StoredDrawRule } from './entities/quiz.entities';

/**
 * The quiz's rules, pure: what a worker is drawn, how their answers score, when a campaign takes attempts and
 * when a submit is too late. No database and no clock: the services pass the pools, the instant and the dice.
 */

/** A uniform integer in [0, bound): `crypto.randomInt` in production, a seeded source in tests. */
export type RandomInt = (bound: number) => number;

/** What drawing and scoring look at of a question. */
export interface QuestionFacts {
  id: number;
  type: QuestionType;
  stem: string;
  options: QuestionOption[];
  /** Correct original keys concatenated in order, e.g. `AC`. */
  answer: string;
}

const LETTERS: OptionKey[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/** Fisher–Yates in place; answers the same array. */
export function shuffle<T>(items: T[], random: RandomInt): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Random questions per draw rule (each rule's count of its type from its bank), and for each a random option
 * order when the campaign shuffles (judge questions keep 正确/错误). Null when a bank holds too few questions
 * of a type. The pools are not reordered: they are the cached banks everyone draws from.
 */
export function drawQuestions(
  rules: StoredDrawRule[],
  shuffleOptions: boolean,
  poolOf: (bankId: number) => readonly QuestionFacts[],
  random: RandomInt,
): DrawnQuestion[] | null {
  const drawn: DrawnQuestion[] = [];
  for (const rule of rules) {
    const pool = poolOf(rule.bankId).filter((q) => q.type === rule.type);
    if (pool.length < rule.count) return null;
    shuffle(pool, random);
    for (const q of pool.slice(0, rule.count))
      drawn.push({ id: q.id, order: optionOrder(q, shuffleOptions, random) });
  }
  return drawn;
}

/** The original keys in the order one worker sees them. */
export function optionOrder(q: QuestionFacts, shuffleOptions: boolean, random: RandomInt): OptionKey[] {
  const keys = q.options.map((o) => o.key);
  return shuffleOptions && q.type !== 'judge' ? shuffle(keys, random) : keys;
}

/** The question as shown: options re-lettered A… in the drawn order, and never the answer. */
export function shownQuestion(q: QuestionFacts, d: DrawnQuestion): AttemptQuestion {
  const byKey = new Map(q.options.map((o) => [o.key, o.text]));
  const options: QuestionOption[] = d.order.map((original, i) => ({
    key: LETTERS[i],
    text: byKey.get(original) ?? '',
  }));
  return { id: q.id, type: q.type, stem: q.stem, options };
}

/** Original keys → the letters they were shown under, sorted. */
export function toShown(original: OptionKey[], d: DrawnQuestion): OptionKey[] {
  return original.map((k) => LETTERS[d.order.indexOf(k)]).sort();
}

/** The question's correct keys, as stored (original letters). */
export function answerOf(q: Pick<QuestionFacts, 'answer'>): OptionKey[] {
  return q.answer.split('') as OptionKey[];
}

/** Both sorted: the same keys. */
export function sameKeys(a: OptionKey[], b: OptionKey[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** A choice as compared: each key once, sorted. */
export function normalChoice(choice: OptionKey[]): OptionKey[] {
  return [...new Set(choice)].sort();
}

/** The worker's choices for the drawn questions only, by question id. */
export function choicesFor(
  drawn: DrawnQuestion[],
  answers: { questionId: number; choice: OptionKey[] }[],
): Record<string, OptionKey[]> {
  const choices: Record<string, OptionKey[]> = {};
  const drawnIds = new Set(drawn.map((d) => d.id));
  for (const a of answers) if (drawnIds.has(a.questionId)) choices[a.questionId] = normalChoice(a.choice);
  return choices;
}

export interface Scored {
  score: number;
  correct: number;
  /** Questions answered wrong (unanswered ones are not mistakes): they go to the 错题本. */
  wrong: number[];
}

/**
 * Scores an attempt: a question is right when the chosen letters are exactly the correct ones as shown to
 * this worker (single, multiple and judge alike). Late: 0, and nothing goes to the 错题本.
 */
export function scoreAttempt(
  drawn: DrawnQuestion[],
  questions: ReadonlyMap<number, Pick<QuestionFacts, 'answer'>>,
  choices: Record<string, OptionKey[]>,
  late: boolean,
): Scored {
  if (late) return { score: 0, correct: 0, wrong: [] };
  const wrong: number[] = [];
  let correct = 0;
  for (const d of drawn) {
    const q = questions.get(d.id);
    if (!q) continue;
    if (sameKeys(choices[d.id] ?? [], toShown(answerOf(q), d))) correct++;
    else if (choices[d.id]?.length) wrong.push(d.id);
  }
  return { score: scoreOf(correct, drawn.length), correct, wrong };
}

/** What opening a campaign looks at. */
export interface CampaignWindow {
  status: CampaignStatus;
  startsAt: Date;
  endsAt: Date;
}

/** A campaign takes attempts when published and `now` is within its window (both ends included). */
export function isOpenAt(campaign: CampaignWindow, now: Date): boolean {
  return campaign.status === 'published' && now >= campaign.startsAt && now <= campaign.endsAt;
}

/**
 * When an attempt must be in. A timed one: the deadline fixed at its start. An untimed one: whenever the
 * campaign ends now, since staff may move a published campaign's end (its stored deadline is the end at start).
 */
export function dueAt(
  attempt: { deadline: Date },
  campaign: { secondsPerAttempt: number | null; endsAt: Date },
): Date {
  return campaign.secondsPerAttempt === null ? campaign.endsAt : attempt.deadline;
}

/** Submitted after the deadline plus the grace period (network delays): scored 0, and it counts. */
export function isPastGrace(deadline: Date, now: Date): boolean {
  return now.getTime() > deadline.getTime() + SUBMIT_GRACE_SECONDS * 1000;
}

/** Seconds taken, capped at the time allowed (a late submit counts as the whole time). */
export function durationSeconds(startedAt: Date, deadline: Date, now: Date): number {
  return Math.min(
    Math.round((now.getTime() - startedAt.getTime()) / 1000),
    Math.round((deadline.getTime() - startedAt.getTime()) / 1000),
  );
}

/** What a campaign's audience rules look at of a worker. */
export interface QuizTaker {
  membership: MembershipStatus;
  orgPath: string | null;
}

/** What a campaign's audience is made of; `audienceOrg` loaded when set. */
export interface CampaignAudience {
  membersOnly: boolean;
  audienceOrg?: { path: string; name: string } | null;
}

/** Why this worker may not take part, or null. */
export function audienceProblem(campaign: CampaignAudience, taker: QuizTaker | null): string | null {
  if (!taker) return '用户不存在';
  if (campaign.membersOnly && taker.membership !== 'member') return '本活动仅限工会会员参加';
  if (campaign.audienceOrg && !taker.orgPath?.startsWith(campaign.audienceOrg.path))
    return `本活动仅限${campaign.audienceOrg.name}所属职工参加`;
  return null;
}

export function questionCount(campaign: { draw: StoredDrawRule[] }): number {
  return campaign.draw.reduce((n, r) => n + r.count, 0);
}

/** One open attempt per person and campaign, on any instance (a unique key while open). */
export function openKeyOf(campaignId: number, userId: number): string {
  return `${campaignId}:${userId}`;
}
