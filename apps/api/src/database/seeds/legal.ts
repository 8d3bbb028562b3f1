import { MINIAPP_PAGES, wechatPage, type AidStatus, type LegalQuestionStatus } from '@jingcai/shared';
import {
  AidApplication,
  AidStep,
  LegalCase,
  LegalMessage,
  LegalQuestion,
} from '../../modules/legal/entities/legal.entities';
import { answerDueAt } from '../../modules/legal/question-rules';
import { Notification } from '../../modules/notifications/entities/notification.entity';
import { DEMO_LEGAL_CASES } from './demo-data';
import { AID_CASES, LEGAL_SCENARIOS, RATINGS, type LegalScenario } from './legal-content';
import type { Person } from './people';
import { Dice, DemoTime } from './random';
import type { SeedWriter } from './seed-writer';

const QUESTIONS = 110;
const HOUR = 3_600_000;

/** Who answers: the volunteer lawyer, and staff by the subtree they cover (path prefix → user id). */
export interface Answerers {
  lawyerId: number;
  adminId: number;
  staff: { path: string; id: number }[];
}

/** A demo user's question, asked `daysAgo` days ago and left in `status`, assigned to `assignee`. */
export interface ScriptedQuestion {
  person: Person;
  scenario: number;
  daysAgo: number;
  status: LegalQuestionStatus;
  assigneeId: number | null;
}

/**
 * Legal questions of ten weeks in every state — waiting for an assignee, assigned, answered, closed and
 * rated — some past their due time; their threads; aid applications at every step; the case library.
 */
export async function seedLegal(
  writer: SeedWriter,
  dice: Dice,
  time: DemoTime,
  ownerOrgId: number,
  answerers: Answerers,
  people: Person[],
  scripted: ScriptedQuestion[],
): Promise<void> {
  const questions: Partial<LegalQuestion>[] = [];
  const messages: Partial<LegalMessage>[] = [];
  const notices: Partial<Notification>[] = [];
  const ask = (person: Person, scenario: LegalScenario, askedAt: Date, status: LegalQuestionStatus, assigneeId: number | null) => {
    const id = writer.id('legal_questions');
    const say = (authorId: number, authorRole: LegalMessage['authorRole'], body: string, at: Date) =>
      messages.push({ id: writer.id('legal_messages'), questionId: id, authorId, authorRole, body, photoIds: [], createdAt: at });
    say(person.id, 'asker', scenario.body, askedAt);
    let last = askedAt;
    let lastAsked = askedAt;
    const role = assigneeId === answerers.lawyerId ? 'lawyer' : 'staff';
    if (status === 'answered' || status === 'closed') {
      last = later(askedAt, 2 + dice.int(40), time);
      say(assigneeId!, role, scenario.answer, last);
      if (scenario.followUp && dice.chance(0.5)) {
        lastAsked = later(last, 1 + dice.int(20), time);
        say(person.id, 'asker', scenario.followUp, lastAsked);
        last = later(lastAsked, 1 + dice.int(24), time);
        say(assigneeId!, role, '可以的。请把相关材料整理好，带上身份证到街道工会法律服务站，我们帮你一起查询和准备。', last);
      }
    }
    const [rating, comment] = status === 'closed' ? dice.pick(RATINGS) : [null, null];
    const waiting = status === 'new' || status === 'assigned';
    const unread = status === 'answered' && dice.chance(0.4);
    const page = wechatPage(MINIAPP_PAGES.legalQuestion, { id });
    if (assigneeId) {
      const at = later(askedAt, 1, time);
      notices.push({ userId: assigneeId, kind: 'legal_answered', title: '有一条法律咨询分配给你', body: `「${scenario.title}」等待你的解答。`, page, readAt: waiting ? null : at, createdAt: at });
    }
    if (!waiting) {
      notices.push({ userId: person.id, kind: 'legal_answered', title: '你的法律咨询有了新答复', body: `「${scenario.title}」收到了答复，点击查看。`, page, readAt: unread ? null : last, createdAt: last });
    }
    questions.push({
      id,
      askerId: person.id,
      orgId: person.org?.id ?? null,
      orgPath: person.org?.path ?? null,
      category: scenario.category,
      title: scenario.title,
      publicAllowed: dice.chance(0.4),
      status,
      assigneeId,
      dueAt: waiting ? answerDueAt(lastAsked) : null,
      lastMessageAt: last,
      // Some answers not yet read: the asker sees 新回复.
      askerReadAt: unread ? lastAsked : last,
      rating,
      ratingComment: comment,
      createdAt: askedAt,
      updatedAt: last,
    });
  };

  for (const s of scripted) ask(s.person, LEGAL_SCENARIOS[s.scenario], time.at(-s.daysAgo, 9.5), s.status, s.assigneeId);
  for (let i = 0; i < QUESTIONS; i++) {
    const person = dice.pick(people);
    const daysAgo = Math.floor(70 * dice.next() ** 1.6);
    const status = statusAfter(daysAgo, dice);
    const staff = answerers.staff.find((s) => person.org?.path.startsWith(s.path));
    // The lawyer's open work is the two questions of the demo story; others wait on staff.
    const assigneeId =
      status === 'new' ? null : status === 'assigned' ? (staff?.id ?? answerers.adminId) : dice.chance(0.6) ? answerers.lawyerId : (staff?.id ?? answerers.lawyerId);
    ask(person, dice.pick(LEGAL_SCENARIOS), time.at(-daysAgo, DemoTime.hour(dice)), status, assigneeId);
  }
  await writer.insert(LegalQuestion, questions);
  await writer.insert(LegalMessage, messages);
  await writer.insert(Notification, notices.map((n) => ({ ...n, id: writer.id('notifications'), subscribeDelivery: null })));
  await seedAid(writer, dice, time, answerers, people);
  await writer.insert(
    LegalCase,
    DEMO_LEGAL_CASES.map((demo, i) => ({
      ...demo,
      id: writer.id('legal_cases'),
      status: 'published' as const,
      sourceQuestionId: null,
      ownerOrgId,
      createdBy: answerers.adminId,
      publishedAt: time.shift(-(i + 1) * 9),
      createdAt: time.shift(-(i + 1) * 9 - 1),
      updatedAt: time.shift(-(i + 1) * 9),
    })),
  );
}

/** Older questions are mostly settled; recent ones still wait, a few of them past due. */
function statusAfter(daysAgo: number, dice: Dice): LegalQuestionStatus {
  if (daysAgo > 14) return dice.chance(0.8) ? 'closed' : 'answered';
  if (daysAgo > 4) return dice.weighted<LegalQuestionStatus>([['answered', 55], ['closed', 25], ['assigned', 12], ['new', 8]]);
  return dice.weighted<LegalQuestionStatus>([['new', 35], ['assigned', 25], ['answered', 40]]);
}

/** `hours` after `from`, but not after now. */
function later(from: Date, hours: number, time: DemoTime): Date {
  return new Date(Math.min(time.now.getTime() - 60_000, from.getTime() + hours * HOUR));
}

/** The path each aid case has taken so far. */
const AID_PATHS: AidStatus[][] = [
  ['received'],
  ['received', 'accepted'],
  ['received', 'declined'],
  ['received', 'accepted', 'in_progress'],
  ['received', 'accepted', 'in_progress', 'concluded'],
  ['received'],
];
const STEP_NOTES: Partial<Record<AidStatus, string>> = {
  accepted: '材料齐全，已指派法律援助律师。',
  declined: '经核实不属于劳动争议范围，已告知其他救济途径。',
  in_progress: '已组织双方调解，等待用人单位答复。',
  concluded: '经调解，用人单位同意一次性支付款项，案件办结。',
};

async function seedAid(writer: SeedWriter, dice: Dice, time: DemoTime, answerers: Answerers, people: Person[]): Promise<void> {
  const applications: Partial<AidApplication>[] = [];
  const steps: Partial<AidStep>[] = [];
  AID_CASES.forEach((aid, i) => {
    const person = dice.pick(people.filter((p) => p.org));
    const id = writer.id('legal_aid_applications');
    const path = AID_PATHS[i % AID_PATHS.length];
    let at = time.at(-(3 + path.length * 4 + dice.int(5)), 10);
    for (const status of path) {
      steps.push({ id: writer.id('legal_aid_steps'), applicationId: id, status, note: STEP_NOTES[status] ?? null, actorId: status === 'received' ? person.id : answerers.adminId, createdAt: at });
      at = later(at, 24 * (2 + dice.int(4)), time);
    }
    const createdAt = steps.find((s) => s.applicationId === id)!.createdAt!;
    applications.push({ id, applicantId: person.id, orgId: person.org!.id, orgPath: person.org!.path, ...aid, photoIds: [], status: path.at(-1)!, createdAt, updatedAt: steps.at(-1)!.createdAt });
  });
  await writer.insert(AidApplication, applications);
  await writer.insert(AidStep, steps);
}
