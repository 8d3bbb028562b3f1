import { shanghaiDay, staffName, type OptionKey } from '@jingcai/shared';
import {
  Attempt,
  Campaign,
  Certificate,
  Mistake,
  Participant,
  Question,
  QuestionBank,
  type StoredDrawRule,
} from '../../modules/quiz/entities/quiz.entities';
import { answerOf, drawQuestions, scoreAttempt, toShown, type QuestionFacts } from '../../modules/quiz/quiz-rules';
import type { Person } from './people';
import { LABOUR_LAW_QUESTIONS } from './quiz-bank-labour';
import { UNION_LAW_QUESTIONS } from './quiz-bank-union';
import { Dice, DemoTime } from './random';
import type { SeedWriter } from './seed-writer';

const LETTERS: OptionKey[] = ['A', 'B', 'C', 'D', 'E', 'F'];
const SECONDS = 600;
const PASS = 60;
const NOTEBOOKS = 500;

/** A campaign the seed fills: who takes part, over which days. */
interface CampaignPlan {
  title: string;
  rules: string;
  startDay: number;
  endDay: number;
  participants: number;
  /** A street's own campaign, for its workers only (the district's are open to all). */
  street?: boolean;
}

const OPEN: CampaignPlan = {
  title: '学习贯彻新《工会法》知识竞赛',
  rules:
    '每人每天可答 3 次，每次随机抽取 10 道题（单选 6 道、多选 2 道、判断 2 道），限时 10 分钟，时间到自动交卷。取最高成绩排名，60 分及格，及格即可获得电子证书。',
  startDay: -13,
  endDay: 17,
  participants: 3600,
};
const ENDED: CampaignPlan = {
  title: '劳动合同法知识答题（第一期）',
  rules: '每人每天可答 3 次，每次 10 道题，限时 10 分钟。活动已结束，成绩与证书可在“我的”中查看。',
  startDay: -70,
  endDay: -41,
  participants: 2400,
};
const STREET: CampaignPlan = {
  title: '大市口街道安全生产知识答题',
  rules: '大市口街道职工专场：每人每天可答 3 次，每次 10 道题，限时 10 分钟，60 分及格。',
  startDay: -5,
  endDay: 9,
  participants: 260,
  street: true,
};
const PLANS = [OPEN, ENDED, STREET];

/** A demo user's scripted attempts: day offset and how many right, in order. */
export interface ScriptedAttempts {
  person: Person;
  open: { day: number; correct: number }[];
  ended: { day: number; correct: number }[];
}

export interface QuizSeed {
  openCampaignId: number;
  endedCampaignId: number;
}

/** Attempt counts per participant, weighted: most try once, some keep going for a better score. */
const TRIES: [number, number][] = [[1, 55], [2, 25], [3, 12], [4, 5], [5, 2], [6, 1]];

/**
 * The question bank, an open campaign two weeks in and a finished one, with about 10,000 attempts between
 * them, and what the submit path writes alongside: participants' best results (the leaderboards), the
 * 错题本 and a certificate for everyone who passed.
 */
export async function seedQuiz(
  writer: SeedWriter,
  dice: Dice,
  time: DemoTime,
  owner: { orgId: number; adminId: number; street: { orgId: number; path: string; staffId: number } },
  people: Person[],
  scripted: ScriptedAttempts[],
): Promise<QuizSeed> {
  const bankId = writer.id('quiz_banks');
  await writer.insert(QuestionBank, [
    { id: bankId, name: '工会法与劳动法律知识题库', ownerOrgId: owner.orgId, createdAt: time.shift(-80) },
  ]);
  const facts: QuestionFacts[] = [];
  const rows = [...UNION_LAW_QUESTIONS, ...LABOUR_LAW_QUESTIONS].map((q) => {
    const id = writer.id('quiz_questions');
    const options = q.options.map((text, i) => ({ key: LETTERS[i], text }));
    facts.push({ id, type: q.type, stem: q.stem, options, answer: q.answer });
    return { id, bankId, ...q, options, createdAt: time.shift(-80) };
  });
  await writer.insert(Question, rows);

  const draw: StoredDrawRule[] = [
    { bankId, type: 'single', count: 6 },
    { bankId, type: 'multiple', count: 2 },
    { bankId, type: 'judge', count: 2 },
  ];
  const ids: number[] = [];
  for (const plan of PLANS) {
    const id = writer.id('quiz_campaigns');
    ids.push(id);
    const createdAt = time.shift(plan.startDay - 3);
    await writer.insert(Campaign, [
      {
        id,
        title: plan.title,
        coverUrl: null,
        rules: plan.rules,
        startsAt: time.at(plan.startDay, 8),
        endsAt: time.at(plan.endDay, 20),
        audienceOrgId: plan.street ? owner.street.orgId : null,
        membersOnly: false,
        draw,
        shuffleOptions: true,
        secondsPerAttempt: SECONDS,
        attemptsPerDay: 3,
        passScore: PASS,
        status: plan === ENDED ? 'ended' : 'published',
        ownerOrgId: plan.street ? owner.street.orgId : owner.orgId,
        createdBy: plan.street ? owner.street.staffId : owner.adminId,
        createdAt,
        updatedAt: createdAt,
      },
    ]);
  }
  const scriptedIds = new Set(scripted.map((s) => s.person.id));
  const crowd = people.filter((p) => !scriptedIds.has(p.id));
  // The 错题本 of the demo users and of some hundreds of others: everyone's would be ~25,000 rows to write.
  const notebooks = new Set([...scriptedIds, ...dice.sample(crowd, NOTEBOOKS).map((p) => p.id)]);
  const sitter = new Sitter(writer, dice, time, draw, facts, notebooks);
  for (const [index, plan] of PLANS.entries()) {
    const campaignId = ids[index];
    for (const s of scripted) {
      for (const a of plan === OPEN ? s.open : plan === ENDED ? s.ended : []) sitter.sit(campaignId, s.person, a.day, 0, a.correct);
    }
    const lastDay = Math.min(plan.endDay, 0);
    const audience = plan.street ? crowd.filter((p) => p.org?.path.startsWith(owner.street.path)) : crowd;
    for (const person of dice.sample(audience, plan.participants)) {
      // Launch week draws the crowd; later days fewer, with a second wind on weekends.
      const first = plan.startDay + Math.min(lastDay - plan.startDay, Math.floor((lastDay - plan.startDay + 1) * dice.next() ** 1.8));
      const skill = 0.45 + dice.next() * 0.5;
      let day = first;
      let today = 0;
      for (let t = 0, tries = dice.weighted(TRIES); t < tries && day <= lastDay; t++) {
        sitter.sit(campaignId, person, day, skill + t * 0.05);
        if (++today === 3 || dice.chance(0.6)) {
          day += 1 + dice.int(3);
          today = 0;
        }
      }
    }
  }
  await sitter.flush();
  return { openCampaignId: ids[0], endedCampaignId: ids[1] };
}

/** Takes attempts as the submit path would score them, and keeps what it would write alongside. */
class Sitter {
  private readonly attempts: Partial<Attempt>[] = [];
  private readonly best = new Map<string, Participant>();
  /** Each certificate with the attempt that earned it: attempt ids are handed out at flush. */
  private readonly certificates = new Map<string, { certificate: Partial<Certificate>; attempt: Partial<Attempt> }>();
  private readonly mistakes = new Map<string, Mistake>();
  private readonly questions: Map<number, QuestionFacts>;

  constructor(
    private readonly writer: SeedWriter,
    private readonly dice: Dice,
    private readonly time: DemoTime,
    private readonly draw: StoredDrawRule[],
    facts: QuestionFacts[],
    private readonly notebooks: Set<number>,
  ) {
    this.questions = new Map(facts.map((q) => [q.id, q]));
  }

  /** One submitted attempt on the day `dayOffset`: right with probability `skill`, or exactly `correct` right. */
  sit(campaignId: number, person: Person, dayOffset: number, skill: number, correct?: number): void {
    const { dice, time } = this;
    const drawn = drawQuestions(this.draw, true, () => [...this.questions.values()], dice.int)!;
    const right = new Set(correct === undefined ? [] : dice.sample(drawn, correct).map((d) => d.id));
    const answers: Record<string, OptionKey[]> = {};
    for (const d of drawn) {
      const truth = toShown(answerOf(this.questions.get(d.id)!), d);
      if (correct === undefined ? dice.chance(Math.min(0.98, skill)) : right.has(d.id)) answers[d.id] = truth;
      else if (correct !== undefined || dice.chance(0.97)) answers[d.id] = wrongChoice(truth, d.order.length, dice);
    }
    const scored = scoreAttempt(drawn, this.questions, answers, false);
    const duration = 150 + dice.int(SECONDS - 170);
    let startedAt = time.at(dayOffset, DemoTime.hour(dice));
    if (startedAt.getTime() + duration * 1000 > time.now.getTime()) {
      startedAt = new Date(time.now.getTime() - (duration + 60 + dice.int(3600)) * 1000);
    }
    const submittedAt = new Date(startedAt.getTime() + duration * 1000);
    const attempt: Partial<Attempt> = {
      campaignId,
      userId: person.id,
      openKey: null,
      drawn,
      day: shanghaiDay(startedAt),
      startedAt,
      deadline: new Date(startedAt.getTime() + SECONDS * 1000),
      status: 'submitted',
      submittedAt,
      answers,
      score: scored.score,
      correctCount: scored.correct,
      durationSeconds: duration,
      late: false,
    };
    this.attempts.push(attempt);
    const key = `${campaignId}:${person.id}`;
    const best = this.best.get(key);
    if (!best || scored.score > best.bestScore || (scored.score === best.bestScore && duration < best.bestDuration)) {
      this.best.set(key, {
        campaignId,
        userId: person.id,
        orgPath: best?.orgPath ?? person.org?.path ?? null,
        bestScore: scored.score,
        bestDuration: duration,
        bestAt: submittedAt,
      });
    }
    if (scored.score >= PASS && !this.certificates.has(key)) {
      this.certificates.set(key, {
        certificate: {
          serial: `JC${Array.from({ length: 16 }, () => '0123456789ABCDEF'[dice.int(16)]).join('')}`,
          campaignId,
          userId: person.id,
          name: staffName({ realName: person.name }),
          score: scored.score,
          issuedAt: submittedAt,
        },
        attempt,
      });
    }
    for (const questionId of this.notebooks.has(person.id) ? scored.wrong : []) {
      const mistake = this.mistakes.get(`${person.id}:${questionId}`);
      if (mistake) {
        mistake.wrongCount += 1;
        mistake.lastWrongAt = submittedAt;
        mistake.campaignId = campaignId;
      } else {
        this.mistakes.set(`${person.id}:${questionId}`, {
          userId: person.id,
          questionId,
          campaignId,
          wrongCount: 1,
          lastWrongAt: submittedAt,
        });
      }
    }
  }

  async flush(): Promise<void> {
    // Ids in the order the attempts started, as the API hands them out: 我的答题 lists newest first by id.
    this.attempts.sort((a, b) => a.startedAt!.getTime() - b.startedAt!.getTime());
    for (const attempt of this.attempts) attempt.id = this.writer.id('quiz_attempts');
    await this.writer.insert(Attempt, this.attempts);
    await this.writer.insert(Participant, [...this.best.values()]);
    await this.writer.insert(
      Certificate,
      [...this.certificates.values()].map(({ certificate, attempt }) => ({ ...certificate, attemptId: attempt.id })),
    );
    await this.writer.insert(Mistake, [...this.mistakes.values()]);
  }
}

/** A wrong answer in shown letters: another single letter, or a multiple choice missing or adding one. */
function wrongChoice(truth: OptionKey[], optionCount: number, dice: Dice): OptionKey[] {
  const letters = LETTERS.slice(0, optionCount);
  if (truth.length === 1) return [dice.pick(letters.filter((l) => l !== truth[0]))];
  const choice = dice.chance(0.6) ? truth.slice(0, truth.length - 1 - dice.int(truth.length - 1)) : letters;
  return choice.length === truth.length ? truth.slice(1) : [...choice].sort();
}
