// Help in hardship (issue 24). Applications: the applicant, and staff whose subtree holds the applicant's
// org; each review step by the org it belongs to (here: the first street checks, since its enterprise has no
// staff, and approves; only the district — admins — grants). Nobody reviews their own (`self`: 403). The
// wish wall is for every signed-in worker; vetting and confirming are staff-in-scope routes.
import {
  application,
  atStage,
  claimedWish,
  GRANT,
  PUBLISH,
  publishedWish,
  registered,
  VISIT,
  wish,
} from '../../support/assistance-fixtures';
import {
  ADMIN,
  NOT_ON_OWN,
  OWNER,
  SIGNED_IN,
  STAFF_LIST,
  own,
  outcomes,
  standIn,
  type Row,
} from '../matrix-presets';
import type { MatrixRole, Person, World } from '../world';

/** A row acting on an application at `stage` (the worker's, or `self`'s own for `self`). */
const onApplication =
  (stage: Parameters<typeof atStage>[1], body?: object) => async (w: World, role: MatrixRole) => {
    const { owner, actor } = await own(w, role);
    return { params: { id: (await atStage(w, stage, owner)).id }, body, actor };
  };

/** A row acting on a wish of the worker's (or `self`'s own), made by `make`. */
const onWish =
  (make: (w: World, owner?: Person) => Promise<{ id: number }>, body?: object) =>
  async (w: World, role: MatrixRole) => {
    const { owner, actor } = await own(w, role);
    return { params: { id: (await make(w, owner)).id }, body, actor };
  };

export const ROWS: Record<string, Row> = {
  // Workers apply for themselves (each a fresh one); staff for a worker of their subtree (another street's
  // staff: the 404 of a worker who is not there); a lawyer may not apply for anyone.
  'POST /api/assistance/applications': {
    expect: outcomes([401, 'ok', 'ok', 'ok', 404, 403, 'ok', 'ok']),
    call: async (w, role) => {
      if (['staffIn', 'staffOut', 'admin', 'lawyer'].includes(role)) {
        const target = await w.newWorker('冯师傅');
        return { body: { ...application(), onBehalfOfUserId: target.id, consentRecorded: true } };
      }
      return { body: application(), actor: await standIn(w, role) };
    },
  },
  'GET /api/assistance/applications/mine': { expect: SIGNED_IN() },
  'GET /api/assistance/applications/mine/{id}': { expect: OWNER(), call: onApplication('submitted') },
  'PATCH /api/assistance/applications/{id}': {
    expect: OWNER(),
    call: onApplication('returned', { reasons: '补充：孩子的在读证明已上传，学费缴费通知也已附上。' }),
  },
  'POST /api/assistance/applications/{id}/withdraw': { expect: OWNER(), call: onApplication('submitted') },
  'GET /api/assistance/applications': { expect: STAFF_LIST() },
  'GET /api/assistance/applications/export': { expect: STAFF_LIST() },
  'GET /api/assistance/applications/{id}': { expect: NOT_ON_OWN(404), call: onApplication('submitted') },
  'GET /api/assistance/applications/{id}/views': { expect: ADMIN(), call: onApplication('submitted') },
  'POST /api/assistance/applications/{id}/visit': {
    expect: NOT_ON_OWN(404),
    call: onApplication('submitted', VISIT),
  },
  'POST /api/assistance/applications/{id}/check': {
    expect: NOT_ON_OWN(404),
    call: onApplication('visited', { note: '情况属实，同意上报。' }),
  },
  'POST /api/assistance/applications/{id}/approve': {
    expect: NOT_ON_OWN(404),
    call: onApplication('checked', {}),
  },
  // Only the district grants: the street's staff are in scope but not at this step.
  'POST /api/assistance/applications/{id}/grant': {
    expect: outcomes([401, 403, 403, 403, 404, 403, 'ok', 403]),
    call: onApplication('approved', GRANT),
  },
  'POST /api/assistance/applications/{id}/return': {
    expect: NOT_ON_OWN(404),
    call: onApplication('submitted', { reason: '请补充孩子的在读证明。' }),
  },

  'GET /api/assistance/register': { expect: STAFF_LIST() },
  'POST /api/assistance/register': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { actor } = await own(w, role);
      return { body: { userId: (actor ?? (await w.newWorker('陈师傅'))).id }, actor };
    },
  },
  'POST /api/assistance/register/{id}/review': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return {
        params: { id: await registered(w, owner ?? w.people.worker) },
        body: { stillInHardship: true },
        actor,
      };
    },
  },

  'GET /api/assistance/wishes': { expect: SIGNED_IN(), call: async (w) => (await publishedWish(w), {}) },
  // A family on the register writes its own wish; staff write one for a family of their subtree (another
  // street's staff: 404); a worker not on the register and a lawyer are refused.
  'POST /api/assistance/wishes': {
    expect: outcomes([401, 'ok', 403, 'ok', 404, 403, 'ok', 'ok']),
    call: async (w, role) => {
      const body = {
        title: '一个电饭煲',
        story: '家里的电饭煲坏了很久，想要一个新的电饭煲给孩子做饭。',
        amountYuan: 200,
      };
      if (['staffIn', 'staffOut', 'admin'].includes(role)) {
        const family = await w.newWorker('卫师傅');
        await registered(w, family);
        return { body: { ...body, forUserId: family.id } };
      }
      if (role === 'otherWorker' || role === 'lawyer' || role === 'anonymous') return { body };
      const me = role === 'self' ? await w.staffWorker() : await w.newWorker('蒋师傅');
      await registered(w, me);
      return { body, actor: me };
    },
  },
  // One wish of the wall: any signed-in worker, the family (`self`) included, as the wall shows it.
  'GET /api/assistance/wishes/{id}': { expect: SIGNED_IN(), call: onWish(publishedWish) },
  'GET /api/assistance/wishes/mine': { expect: SIGNED_IN() },
  'GET /api/assistance/wishes/mine/{id}': { expect: OWNER(), call: onWish(wish) },
  'GET /api/assistance/wishes/review': { expect: STAFF_LIST() },
  'POST /api/assistance/wishes/{id}/publish': { expect: NOT_ON_OWN(404), call: onWish(wish, PUBLISH) },
  'POST /api/assistance/wishes/{id}/reject': {
    expect: NOT_ON_OWN(404),
    call: onWish(wish, { reason: '请不要写出孩子就读的学校名称。' }),
  },
  // Any signed-in worker may claim a wish on the wall (each role a fresh wish); the family never its own.
  'POST /api/assistance/wishes/{id}/claim': {
    expect: outcomes([401, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 403]),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return {
        params: { id: (await publishedWish(w, owner ?? (await w.newWorker('沈师傅')))).id },
        body: {},
        actor,
      };
    },
  },
  // Staff of the family's subtree record an enterprise donor (another street's staff: 404); never for their own wish.
  'POST /api/assistance/wishes/{id}/enterprise-claim': {
    expect: NOT_ON_OWN(404),
    call: onWish(publishedWish, { enterpriseName: '京口区某某物流有限公司' }),
  },
  // Only the donor says it was handed over (`self`: staff who claimed a wish themselves).
  'POST /api/assistance/wishes/{id}/handed-over': {
    expect: outcomes([401, 'ok', 403, 403, 403, 403, 403, 'ok']),
    call: async (w, role) => {
      const donor = role === 'self' ? await w.staffWorker() : w.people.worker;
      return { params: { id: (await claimedWish(w, donor)).id }, actor: role === 'self' ? donor : undefined };
    },
  },
  'POST /api/assistance/wishes/{id}/confirm': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      const made = await claimedWish(w, await w.newWorker('韩师傅'), owner ?? w.people.worker);
      return { params: { id: made.id }, body: {}, actor };
    },
  },

  'GET /api/assistance/stats': { expect: STAFF_LIST() },
};
