// Fixtures of help in hardship for the security suites and the assistance e2e specs, built on the World's
// people and requests. Each makes its records the way the product does, over HTTP.
import type {
  AssistanceApplicationView,
  CreateApplicationRequest,
  RegisterEntryView,
  StaffWishView,
  WishView,
} from '@jingcai/shared';
import { shanghaiDay } from '@jingcai/shared';
import type request from 'supertest';
import { AssistanceApplication } from '../../src/modules/assistance/entities/assistance-application.entity';
import { AssistanceRegisterEntry } from '../../src/modules/assistance/entities/assistance-register-entry.entity';
import { Wish } from '../../src/modules/assistance/entities/wish.entity';
import type { Person, World } from '../security/world';

export function application(kind: CreateApplicationRequest['kind'] = 'education'): CreateApplicationRequest {
  return {
    kind,
    familySituation: '爱人长期患病在家，孩子读初二，全家靠我一人送外卖的收入。',
    householdSize: 3,
    monthlyIncomePerMember: 860.5,
    reasons: '孩子下学期学费和住宿费共三千元，家里拿不出来。',
  };
}

const today = () => shanghaiDay(new Date());
export const VISIT = {
  date: today(),
  visitors: '李干事、王主席',
  notes: '入户核实：住房为租住，爱人卧床，情况属实。',
};
export const GRANT = { amount: 3000, kind: 'tuition', date: today() } as const;

async function ok<T>(req: request.Test, body?: object): Promise<T> {
  const res = await req.send(body);
  if (res.status >= 300) throw new Error(`fixture ${req.url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/**
 * The security suites apply for one worker again and again; a worker may hold one open application per kind,
 * so earlier fixtures' applications let go of it first (the rule itself is tested in the assistance spec).
 */
async function freeSlots(w: World, userId: number): Promise<void> {
  await w.t.dataSource
    .getRepository(AssistanceApplication)
    .update({ applicantId: userId }, { activeKey: null });
  await w.t.dataSource.getRepository(Wish).update({ beneficiaryId: userId }, { activeKey: null });
}

/** A submitted application of `owner` (default: the World's worker). */
export async function applied(
  w: World,
  owner: Person = w.people.worker,
  kind: CreateApplicationRequest['kind'] = 'education',
): Promise<AssistanceApplicationView> {
  await freeSlots(w, owner.id);
  return ok(w.as(owner, 'post', '/api/assistance/applications'), application(kind));
}

export type Stage = 'submitted' | 'visited' | 'checked' | 'approved' | 'returned';

/** An application moved on to `stage` by an admin (who acts at every step). */
export async function atStage(w: World, stage: Stage, owner?: Person): Promise<AssistanceApplicationView> {
  const app = await applied(w, owner);
  const step = (path: string, body: object) =>
    ok(w.as('admin', 'post', `/api/assistance/applications/${app.id}/${path}`), body);
  if (stage === 'returned') await step('return', { reason: '请补充孩子的在读证明。' });
  if (stage === 'submitted' || stage === 'returned') return app;
  await step('visit', VISIT);
  if (stage === 'visited') return app;
  await step('check', { note: '情况属实' });
  if (stage === 'checked') return app;
  await step('approve', {});
  return app;
}

/** Puts `who` on the register (by an admin; already there is fine): the entry's id. */
export async function registered(w: World, who: Person): Promise<number> {
  const res = await w.as('admin', 'post', '/api/assistance/register').send({ userId: who.id });
  if (res.status === 201) return (res.body as RegisterEntryView).id;
  if (res.body?.code !== 'ASSISTANCE_ALREADY_REGISTERED') {
    throw new Error(`fixture register: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return (await w.t.dataSource.getRepository(AssistanceRegisterEntry).findOneByOrFail({ activeKey: who.id }))
    .id;
}

/** A wish written by `owner` (put on the register first), waiting for vetting. */
export async function wish(w: World, owner: Person = w.people.worker): Promise<WishView> {
  await registered(w, owner);
  await freeSlots(w, owner.id);
  return ok(w.as(owner, 'post', '/api/assistance/wishes'), {
    title: '给孩子一个新书包',
    story: '孩子今年上三年级，书包背了四年已经破了，想要一个结实的新书包。',
    amountYuan: 120,
  });
}

export const PUBLISH = {
  handOverKind: 'union_office',
  handOverPlace: '安全甲街道工会办公室（工作日 9:00–17:00）',
} as const;

/** A wish on the wall (published by an admin). */
export async function publishedWish(w: World, owner?: Person): Promise<WishView> {
  const made = await wish(w, owner);
  await ok<StaffWishView>(w.as('admin', 'post', `/api/assistance/wishes/${made.id}/publish`), PUBLISH);
  return made;
}

/** A published wish claimed by `donor`. */
export async function claimedWish(w: World, donor: Person, owner?: Person): Promise<WishView> {
  const made = await publishedWish(w, owner ?? (await w.newWorker('钱家福')));
  await ok(w.as(donor, 'post', `/api/assistance/wishes/${made.id}/claim`), {});
  return made;
}
