import { randomInt } from 'node:crypto';
import { SUBMIT_GRACE_SECONDS, type OptionKey, type QuestionType } from '@jingcai/shared';
import type { DrawnQuestion } from './entities/quiz.entities';
import {
  audienceProblem,
  choicesFor,
  drawQuestions,
  durationSeconds,
  isOpenAt,
  isPastGrace,
  scoreAttempt,
  shownQuestion,
  type QuestionFacts,
  type RandomInt,
} from './quiz-rules';

/** A reproducible random source (mulberry32), one per simulated worker. */
function seeded(seed: number): RandomInt {
  let state = seed >>> 0;
  return (bound) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * bound);
  };
}

const cryptoRandom: RandomInt = (bound) => randomInt(bound);

function question(id: number, type: QuestionType, answer: string): QuestionFacts {
  const keys: OptionKey[] = type === 'judge' ? ['A', 'B'] : ['A', 'B', 'C', 'D'];
  return {
    id,
    type,
    stem: `第${id}题`,
    options: keys.map((key) => ({ key, text: `选项${key}${id}` })),
    answer,
  };
}

/** Bank 1: ids 1–10 single, 11–16 multiple, 17–20 judge. Bank 2: ids 101–105 single. */
const banks = new Map<number, QuestionFacts[]>([
  [
    1,
    [
      ...Array.from({ length: 10 }, (_, i) => question(1 + i, 'single', 'B')),
      ...Array.from({ length: 6 }, (_, i) => question(11 + i, 'multiple', 'AC')),
      ...Array.from({ length: 4 }, (_, i) => question(17 + i, 'judge', 'A')),
    ],
  ],
  [2, Array.from({ length: 5 }, (_, i) => question(101 + i, 'single', 'D'))],
]);
const poolOf = (bankId: number) => banks.get(bankId) ?? [];
const byId = new Map([...banks.values()].flat().map((q) => [q.id, q]));

describe(drawQuestions.name, () => {
  const rules = [
    { bankId: 1, type: 'single' as const, count: 3 },
    { bankId: 1, type: 'multiple' as const, count: 2 },
    { bankId: 1, type: 'judge' as const, count: 4 },
    { bankId: 2, type: 'single' as const, count: 2 },
  ];

  it('draws each rule’s count of its type from its bank, no question twice', () => {
    for (let worker = 0; worker < 50; worker++) {
      const drawn = drawQuestions(rules, true, poolOf, seeded(worker))!;
      const drawnQuestions = drawn.map((d) => byId.get(d.id)!);
      const count = (bankIds: number[], type: QuestionType) =>
        drawnQuestions.filter((q) => q.type === type && bankIds.some((b) => poolOf(b).includes(q))).length;
      expect(drawn).toHaveLength(11);
      expect(new Set(drawn.map((d) => d.id)).size).toBe(11);
      expect(count([1], 'single')).toBe(3);
      expect(count([1], 'multiple')).toBe(2);
      expect(count([1], 'judge')).toBe(4);
      expect(count([2], 'single')).toBe(2);
    }
  });

  it('draws different questions for different workers', () => {
    const sets = new Set(
      Array.from({ length: 20 }, (_, worker) =>
        drawQuestions([rules[0]], true, poolOf, seeded(worker))!
          .map((d) => d.id)
          .sort((a, b) => a - b)
          .join(),
      ),
    );
    expect(sets.size).toBeGreaterThan(1);
  });

  it('refuses a rule its bank cannot fill, and leaves the shared pools in order', () => {
    const before = poolOf(1).map((q) => q.id);
    expect(drawQuestions([{ bankId: 1, type: 'judge', count: 5 }], true, poolOf, cryptoRandom)).toBeNull();
    expect(drawQuestions([{ bankId: 3, type: 'single', count: 1 }], true, poolOf, cryptoRandom)).toBeNull();
    drawQuestions(rules, true, poolOf, cryptoRandom);
    expect(poolOf(1).map((q) => q.id)).toEqual(before);
  });

  it('shows the options in an order that varies between workers (judge questions keep 正确/错误)', () => {
    const ordersOf = new Map<number, Set<string>>();
    for (let worker = 0; worker < 40; worker++) {
      for (const d of drawQuestions(rules, true, poolOf, seeded(1000 + worker))!) {
        const q = byId.get(d.id)!;
        expect([...d.order].sort()).toEqual(q.options.map((o) => o.key));
        if (q.type === 'judge') expect(d.order).toEqual(['A', 'B']);
        else ordersOf.set(d.id, (ordersOf.get(d.id) ?? new Set()).add(d.order.join('')));
      }
    }
    // Every non-judge question drawn often enough was shown in more than one order.
    const varied = [...ordersOf.values()].filter((orders) => orders.size > 1);
    expect(varied.length).toBeGreaterThan(ordersOf.size / 2);
  });

  it('keeps the original option order when the campaign does not shuffle', () => {
    for (const d of drawQuestions(rules, false, poolOf, cryptoRandom)!)
      expect(d.order).toEqual(byId.get(d.id)!.options.map((o) => o.key));
  });
});

describe(shownQuestion.name, () => {
  it('re-letters the options in the drawn order and never carries the answer', () => {
    const shown = shownQuestion(byId.get(1)!, { id: 1, order: ['C', 'A', 'D', 'B'] });
    expect(shown.options).toEqual([
      { key: 'A', text: '选项C1' },
      { key: 'B', text: '选项A1' },
      { key: 'C', text: '选项D1' },
      { key: 'D', text: '选项B1' },
    ]);
    expect(shown).not.toHaveProperty('answer');
  });
});

describe(scoreAttempt.name, () => {
  // Single 1 (answer B, shown as D), multiple 11 (answer AC, shown as B and D), judge 17 (answer A), single 2.
  const drawn: DrawnQuestion[] = [
    { id: 1, order: ['C', 'A', 'D', 'B'] },
    { id: 11, order: ['B', 'A', 'D', 'C'] },
    { id: 17, order: ['A', 'B'] },
    { id: 2, order: ['A', 'B', 'C', 'D'] },
  ];
  const score = (choices: Record<string, OptionKey[]>, late = false) =>
    scoreAttempt(drawn, byId, choices, late);

  it('scores the letters as this worker saw them', () => {
    expect(score({ 1: ['D'], 11: ['B', 'D'], 17: ['A'], 2: ['B'] })).toEqual({ score: 100, correct: 4, wrong: [] });
    // The original letters are wrong once the options were shuffled.
    expect(score({ 1: ['B'], 11: ['A', 'C'] })).toEqual({ score: 0, correct: 0, wrong: [1, 11] });
  });

  it('wants every correct option of a multiple-choice question and no other', () => {
    expect(score({ 11: ['B'] }).wrong).toEqual([11]);
    expect(score({ 11: ['B', 'C', 'D'] }).wrong).toEqual([11]);
    expect(score({ 11: ['B', 'D'] }).correct).toBe(1);
  });

  it('scores a judge question and rounds the score to a percentage', () => {
    expect(score({ 17: ['B'] })).toEqual({ score: 0, correct: 0, wrong: [17] });
    expect(score({ 17: ['A'] })).toEqual({ score: 25, correct: 1, wrong: [] });
    expect(score({ 17: ['A'], 1: ['D'], 2: ['B'] }).score).toBe(75);
  });

  it('counts an unanswered question as wrong but not as a mistake to practise', () => {
    expect(score({ 1: ['D'] })).toEqual({ score: 25, correct: 1, wrong: [] });
  });

  it('scores a late attempt 0 with no mistakes recorded', () => {
    expect(score({ 1: ['D'], 11: ['B', 'D'], 17: ['B'] }, true)).toEqual({ score: 0, correct: 0, wrong: [] });
  });
});

describe(choicesFor.name, () => {
  it('keeps the drawn questions only, each choice once and sorted', () => {
    const drawn: DrawnQuestion[] = [{ id: 11, order: ['A', 'B', 'C', 'D'] }];
    expect(
      choicesFor(drawn, [
        { questionId: 11, choice: ['D', 'B', 'D'] },
        { questionId: 99, choice: ['A'] },
      ]),
    ).toEqual({ 11: ['B', 'D'] });
  });
});

describe(isOpenAt.name, () => {
  const campaign = {
    status: 'published' as const,
    startsAt: new Date('2026-03-01T00:00:00Z'),
    endsAt: new Date('2026-03-31T16:00:00Z'),
  };

  it('takes attempts within the window, both ends included', () => {
    expect(isOpenAt(campaign, campaign.startsAt)).toBe(true);
    expect(isOpenAt(campaign, new Date('2026-03-15T08:00:00Z'))).toBe(true);
    expect(isOpenAt(campaign, campaign.endsAt)).toBe(true);
  });

  it('refuses a campaign before its start and after its end', () => {
    expect(isOpenAt(campaign, new Date(campaign.startsAt.getTime() - 1))).toBe(false);
    expect(isOpenAt(campaign, new Date(campaign.endsAt.getTime() + 1))).toBe(false);
  });

  it('refuses a draft or an ended campaign even within its window', () => {
    const now = new Date('2026-03-15T08:00:00Z');
    expect(isOpenAt({ ...campaign, status: 'draft' }, now)).toBe(false);
    expect(isOpenAt({ ...campaign, status: 'ended' }, now)).toBe(false);
  });
});

describe(isPastGrace.name, () => {
  const deadline = new Date('2026-03-18T02:00:00Z');
  const after = (ms: number) => new Date(deadline.getTime() + ms);

  it(`accepts a submit up to ${SUBMIT_GRACE_SECONDS} s past the deadline, and not a millisecond later`, () => {
    expect(isPastGrace(deadline, after(-60_000))).toBe(false);
    expect(isPastGrace(deadline, deadline)).toBe(false);
    expect(isPastGrace(deadline, after(SUBMIT_GRACE_SECONDS * 1000))).toBe(false);
    expect(isPastGrace(deadline, after(SUBMIT_GRACE_SECONDS * 1000 + 1))).toBe(true);
  });
});

describe(durationSeconds.name, () => {
  it('counts the seconds taken, at most the time allowed', () => {
    const startedAt = new Date('2026-03-18T02:00:00Z');
    const deadline = new Date(startedAt.getTime() + 600_000);
    expect(durationSeconds(startedAt, deadline, new Date(startedAt.getTime() + 42_400))).toBe(42);
    expect(durationSeconds(startedAt, deadline, new Date(deadline.getTime() + 4_000))).toBe(600);
  });
});

describe(audienceProblem.name, () => {
  const member = { membership: 'member' as const, orgPath: '/1/4/9/' };

  it('lets a worker of the audience org’s subtree in, and names the org to anyone else', () => {
    const campaign = { membersOnly: false, audienceOrg: { path: '/1/4/', name: '京口区总工会' } };
    expect(audienceProblem(campaign, member)).toBeNull();
    expect(audienceProblem(campaign, { ...member, orgPath: '/1/5/' })).toBe('本活动仅限京口区总工会所属职工参加');
    expect(audienceProblem(campaign, { ...member, orgPath: null })).toBe('本活动仅限京口区总工会所属职工参加');
  });

  it('keeps a members-only campaign for members', () => {
    expect(audienceProblem({ membersOnly: true }, member)).toBeNull();
    expect(audienceProblem({ membersOnly: true }, { ...member, membership: 'none' })).toBe('本活动仅限工会会员参加');
    expect(audienceProblem({ membersOnly: false }, null)).toBe('用户不存在');
  });
});
