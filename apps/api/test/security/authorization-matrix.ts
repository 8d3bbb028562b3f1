import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVACY_POLICY_VERSION } from '@jingcai/shared';
import { ModerationItem } from '../../src/modules/content-safety/entities/moderation-item.entity';
import { testJpeg } from '../support/images';
import {
  ADMIN,
  outcomes,
  LEADERBOARD,
  NOT_ON_OWN,
  OWNER,
  PUBLIC,
  SEASON_AUDIENCE,
  SIGNED_IN,
  STAFF_LIST,
  STAFF_SCOPED,
  own,
  standIn,
  type Call,
  type Row,
} from './matrix-presets';
import type { Person, World } from './world';

export { callRoute, type Call, type Row } from './matrix-presets';

const importCsv = Buffer.from(
  '\ufeff题型,题干,选项A,选项B,答案,解析\n判断,工会会员享有选举权,正确,错误,对,见章程\n',
);

/** Every route of the OpenAPI document, keyed `METHOD /path` as the document spells it. */
export const MATRIX: Record<string, Row> = {
  // ---- platform ----
  'GET /api/health': { expect: PUBLIC() },
  'GET /api/config/client': { expect: PUBLIC() },
  'POST /api/auth/wechat/login': {
    expect: PUBLIC(),
    call: () => ({ body: { code: `matrix-${randomUUID()}` } }),
  },
  'POST /api/auth/refresh': { expect: PUBLIC(), call: async (w) => ({ body: await freshRefresh(w) }) },
  'POST /api/auth/logout': { expect: PUBLIC(), call: async (w) => ({ body: await freshRefresh(w) }) },
  'GET /api/auth/dev/users': { expect: PUBLIC() },
  'POST /api/auth/dev/login': {
    expect: PUBLIC(),
    call: () => ({ body: { openid: `matrix-${randomUUID()}` } }),
  },
  'POST /api/auth/console-code': {
    expect: outcomes([401, 403, 403, 'ok', 'ok', 'ok', 'ok', 'ok']),
  },
  'POST /api/auth/console-login': {
    expect: PUBLIC(),
    call: async (w) => {
      const res = await w.as('staffIn', 'post', '/api/auth/console-code').expect(201);
      return { body: { code: (res.body as { code: string }).code } };
    },
  },
  'GET /api/me': { expect: SIGNED_IN() },
  'PATCH /api/me': { expect: SIGNED_IN(), call: () => ({ body: { realName: '张建国' } }) },
  'POST /api/me/consent': {
    expect: SIGNED_IN(),
    call: () => ({ body: { version: PRIVACY_POLICY_VERSION } }),
  },
  'POST /api/me/phone': {
    expect: SIGNED_IN(),
    // A number of its own per call: one phone binds one account.
    call: async (w, role) => ({
      body: { code: `phone:139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` },
      actor: await standIn(w, role),
    }),
  },
  'GET /api/admin/users': { expect: ADMIN(), call: () => ({ query: { phone: '13912345678' } }) },
  'POST /api/admin/users/{id}/roles': {
    expect: ADMIN(),
    call: async (w) => ({ params: { id: (await w.newWorker()).id }, body: { role: 'lawyer' } }),
  },
  'DELETE /api/admin/users/{id}/roles': {
    expect: ADMIN(),
    call: async (w) => ({
      params: { id: (await w.person('律师', null, [{ role: 'lawyer', orgId: null }])).id },
      body: { role: 'lawyer' },
    }),
  },
  'GET /api/orgs': { expect: SIGNED_IN() },
  'GET /api/orgs/tree': { expect: SIGNED_IN() },
  'GET /api/orgs/{id}': { expect: SIGNED_IN(), call: (w) => ({ params: { id: w.streetId } }) },
  'POST /api/orgs': {
    expect: STAFF_SCOPED(403),
    call: (w) => ({ body: { name: `企业${Math.random()}`, kind: 'enterprise', parentId: w.streetId } }),
  },
  'PATCH /api/orgs/{id}': {
    expect: STAFF_SCOPED(403),
    call: (w) => ({ params: { id: w.enterpriseId }, body: { memberCount: 120 } }),
  },
  'POST /api/uploads': {
    expect: SIGNED_IN(),
    call: async () => ({
      file: {
        field: 'file',
        name: 'photo.jpg',
        content: await testJpeg(),
        fields: { purpose: 'legal_photo' },
      },
    }),
  },
  'GET /api/uploads/{id}': {
    expect: OWNER(),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.upload(owner)).id }, actor };
    },
  },
  'GET /api/uploads/{id}/content': { expect: PUBLIC(), call: async (w) => signed((await w.upload()).url) },
  'GET /api/notifications': { expect: SIGNED_IN() },
  'POST /api/notifications/read': { expect: SIGNED_IN(), call: () => ({ body: {} }) },

  // ---- moderation ----
  'GET /api/moderation': { expect: STAFF_LIST() },
  'POST /api/moderation/{id}/approve': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: await moderationItem(w, owner) }, actor };
    },
  },
  'POST /api/moderation/{id}/reject': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: await moderationItem(w, owner) }, actor };
    },
  },

  // ---- membership ----
  'POST /api/membership/applications': {
    expect: SIGNED_IN(),
    call: async (w, role) => ({
      body: { realName: '孙磊', phone: '13812345678', orgId: w.enterpriseId, category: 'regular' },
      actor: await standIn(w, role),
    }),
  },
  'GET /api/membership/applications': { expect: STAFF_LIST() },
  'GET /api/membership/applications/mine': { expect: SIGNED_IN() },
  // Only members have a card; the others hear 你还不是工会会员.
  'GET /api/membership/card': { expect: OWNER({ self: 404 }) },
  'GET /api/membership/applications/{id}': {
    expect: OWNER({ staffIn: 'ok', admin: 'ok' }),
    call: (w) => ({ params: { id: w.membershipApplicationId } }),
  },
  'POST /api/membership/applications/{id}/approve': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.application(owner)).id }, actor };
    },
  },
  'POST /api/membership/applications/{id}/reject': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.application(owner)).id }, body: { reason: '证明材料不清晰' }, actor };
    },
  },
  'GET /api/membership/org-requests': { expect: STAFF_LIST() },
  // Org changes are reviewed like joining: `self` asking to move within their own scope cannot approve it.
  'POST /api/membership/org-requests/{userId}/approve': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { userId: (await w.orgRequest(owner)).id }, actor };
    },
  },
  'POST /api/membership/org-requests/{userId}/reject': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return {
        params: { userId: (await w.orgRequest(owner)).id },
        body: { reason: '不在本组织工作' },
        actor,
      };
    },
  },
  'GET /api/members': { expect: STAFF_LIST() },
  'PUT /api/members/{id}/tags': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (owner ?? (await w.newWorker())).id }, body: { tags: ['model_worker'] }, actor };
    },
  },

  // ---- care ----
  'GET /api/care/stations': { expect: SIGNED_IN() },
  'GET /api/care/stations/{id}': {
    expect: SIGNED_IN(),
    call: async (w) => ({ params: { id: (await w.station()).id } }),
  },
  'POST /api/care/stations': {
    expect: STAFF_SCOPED(403),
    call: (w) => ({
      body: {
        name: '新服务站',
        address: '京口区中山路 2 号',
        latitude: 45.75,
        longitude: 126.63,
        hours: '08:00-20:00',
        amenities: ['water'],
        orgId: w.streetId,
      },
    }),
  },
  'PATCH /api/care/stations/{id}': {
    expect: STAFF_SCOPED(403),
    call: async (w) => ({ params: { id: (await w.station()).id }, body: { hours: '07:00-21:00' } }),
  },
  'GET /api/care/benefits': { expect: SIGNED_IN() },
  'POST /api/care/benefits': {
    expect: STAFF_SCOPED(403),
    call: async (w) => {
      const station = await w.station();
      return {
        body: {
          title: '夏送清凉',
          description: '绿豆汤、藿香正气水。',
          kind: 'pack',
          stock: 10,
          perPersonLimit: 1,
          claimStartsAt: new Date(Date.now() - 3600_000).toISOString(),
          claimEndsAt: new Date(Date.now() + 86400_000).toISOString(),
          pickupDeadline: new Date(Date.now() + 7 * 86400_000).toISOString(),
          eligibility: {
            categories: [],
            gigVerifiedRequired: false,
            tags: [],
            membersOnly: false,
            orgId: w.streetId,
          },
          stationIds: [station.id],
          ownerOrgId: w.streetId,
        },
      };
    },
  },
  // Benefits here are for the first street's workers (`self` is one): others hear why they are not eligible.
  'POST /api/care/benefits/{id}/claims': {
    expect: outcomes([401, 'ok', 'ok', 403, 403, 403, 403, 'ok']),
    call: async (w) => {
      const benefit = await w.benefit();
      return { params: { id: benefit.id }, body: { stationId: benefit.stationId } };
    },
  },
  'GET /api/care/managed-benefits': { expect: STAFF_LIST() },
  'GET /api/care/managed-benefits/{id}': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.benefit()).id } }),
  },
  'GET /api/care/managed-benefits/{id}/stats': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.benefit()).id } }),
  },
  'GET /api/care/benefits/{id}/claims.xlsx': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.benefit()).id } }),
  },
  'PATCH /api/care/benefits/{id}': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.benefit()).id }, body: { title: '暖新礼包（第二批）' } }),
  },
  'POST /api/care/benefits/{id}/stock': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.benefit()).id }, body: { delta: 5 } }),
  },
  'GET /api/care/claims/mine': { expect: SIGNED_IN() },
  'GET /api/care/claims/{id}': {
    expect: OWNER(),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.claim(owner)).claimId }, actor };
    },
  },
  'GET /api/care/claims/{id}/qrcode': {
    expect: OWNER(),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.claim(owner)).claimId }, actor };
    },
  },
  'DELETE /api/care/claims/{id}': {
    expect: OWNER(),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.claim(owner)).claimId }, actor };
    },
  },
  'POST /api/care/redemptions': {
    expect: NOT_ON_OWN(403),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { body: { code: (await w.claim(owner ?? (await w.newWorker()))).code }, actor };
    },
  },
  'GET /api/care/redemptions/today': { expect: STAFF_LIST() },

  // ---- quiz: staff ----
  'GET /api/quiz/banks': { expect: STAFF_LIST() },
  'POST /api/quiz/banks': {
    expect: STAFF_SCOPED(403),
    call: (w) => ({ body: { name: '新题库', ownerOrgId: w.streetId } }),
  },
  'GET /api/quiz/banks/{id}/questions': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.bank()).id } }),
  },
  'POST /api/quiz/banks/{id}/questions': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({
      params: { id: (await w.bank()).id },
      body: {
        type: 'judge',
        stem: '劳动者享有休息休假的权利',
        options: [
          { key: 'A', text: '正确' },
          { key: 'B', text: '错误' },
        ],
        answer: ['A'],
        explanation: '见《劳动法》',
        tags: [],
        difficulty: 1,
      },
    }),
  },
  'PATCH /api/quiz/questions/{id}': {
    expect: STAFF_SCOPED(404),
    call: async (w) => {
      const { id, type, stem, options, answer, tags, difficulty } = (await w.bank()).questions[0];
      return {
        params: { id },
        body: { type, stem, options, answer, tags, difficulty, explanation: '见章程第三条' },
      };
    },
  },
  'DELETE /api/quiz/questions/{id}': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.bank()).questions[0].id } }),
  },
  'POST /api/quiz/banks/{id}/import': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({
      params: { id: (await w.bank()).id },
      file: { field: 'file', name: 'questions.csv', content: importCsv },
    }),
  },
  'GET /api/quiz/import-template.xlsx': { expect: STAFF_LIST() },
  'GET /api/quiz/managed-campaigns': { expect: STAFF_LIST() },
  'POST /api/quiz/campaigns': {
    expect: STAFF_SCOPED(403),
    call: async (w) => {
      const bank = await w.bank();
      return {
        body: {
          title: '新答题活动',
          rules: '每天 1 次。',
          startsAt: new Date(Date.now() - 3600_000).toISOString(),
          endsAt: new Date(Date.now() + 86400_000).toISOString(),
          audienceOrgId: w.streetId,
          membersOnly: false,
          draw: [{ bankId: bank.id, type: 'judge', count: 1 }],
          shuffleOptions: false,
          secondsPerAttempt: 60,
          attemptsPerDay: 1,
          passScore: 60,
          ownerOrgId: w.streetId,
        },
      };
    },
  },
  'PATCH /api/quiz/campaigns/{id}': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.campaign(false)).id }, body: { rules: '每天 2 次。' } }),
  },
  'POST /api/quiz/campaigns/{id}/publish': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.campaign(false)).id } }),
  },
  'POST /api/quiz/campaigns/{id}/end': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.campaign()).id } }),
  },
  'GET /api/quiz/campaigns/{id}/participation': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.campaign()).id } }),
  },
  'GET /api/quiz/campaigns/{id}/results.xlsx': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.campaign()).id } }),
  },

  // ---- quiz: workers (the campaigns' audience is the first street; staff, lawyer and admin have no org) ----
  // `self` is in the audience but runs the campaign (its owner org and banks are in their scope): not ranked
  // in it, they take no attempt, so the attempt rows give them the worker's attempt (404 like any stranger).
  'GET /api/quiz/campaigns': { expect: SIGNED_IN() },
  'POST /api/quiz/campaigns/{id}/attempts': {
    expect: outcomes([401, 'ok', 'ok', 403, 403, 403, 403, 403]),
    call: async (w) => ({ params: { id: (await w.campaign()).id } }),
  },
  'GET /api/quiz/attempts/{id}': {
    expect: OWNER({ self: 404 }),
    call: async (w) => ({ params: { id: (await w.attempt()).attemptId } }),
  },
  'POST /api/quiz/attempts/{id}/submit': {
    expect: OWNER({ self: 404 }),
    call: async (w) => {
      const attempt = await w.attempt();
      return {
        params: { id: attempt.attemptId },
        body: { answers: attempt.questions.map((q) => ({ questionId: q.id, choice: ['A'] })) },
      };
    },
  },
  'GET /api/quiz/attempts/{id}/result': {
    expect: OWNER({ self: 404 }),
    call: async (w) => ({ params: { id: (await w.submitted()).attemptId } }),
  },
  'GET /api/quiz/campaigns/{id}/leaderboard': {
    expect: LEADERBOARD,
    call: async (w) => ({ params: { id: (await w.campaign()).id } }),
  },
  'GET /api/quiz/mistakes': { expect: SIGNED_IN() },
  'POST /api/quiz/mistakes/{questionId}/practice': {
    expect: OWNER({ self: 404 }),
    call: async (w) => ({
      params: { questionId: (await w.submitted(w.people.worker, false)).questions[0].id },
      body: { choice: ['A'] },
    }),
  },
  'GET /api/quiz/certificates/{serial}': {
    expect: PUBLIC(),
    call: async (w) => ({ params: { serial: (await w.submitted()).serial } }),
  },
  'GET /api/quiz/certificates/{serial}/image.png': {
    expect: PUBLIC(),
    call: async (w) => ({ params: { serial: (await w.submitted()).serial } }),
  },

  // ---- reading: staff ----
  'POST /api/reading/seasons': {
    expect: STAFF_SCOPED(403),
    call: (w) => ({
      body: {
        theme: '阅读新时代',
        description: '每天读书打卡',
        startsOn: '2026-04-23',
        endsOn: '2026-06-30',
        books: [{ title: '平凡的世界', author: '路遥', blurb: '长篇小说。' }],
        minNoteLength: 0,
        makeUpAllowance: 1,
        badgeThresholds: [7],
        audienceOrgId: w.streetId,
        ownerOrgId: w.streetId,
      },
    }),
  },
  'GET /api/reading/seasons': { expect: STAFF_LIST() },
  'GET /api/reading/seasons/{id}': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.season()).id } }),
  },
  'PATCH /api/reading/seasons/{id}': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({
      params: { id: (await w.season(false)).id },
      body: { description: '坚持每天读书' },
    }),
  },
  'POST /api/reading/seasons/{id}/publish': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.season(false)).id } }),
  },
  'POST /api/reading/seasons/{id}/books': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({
      params: { id: (await w.season(false)).id },
      body: { title: '人生', author: '路遥', blurb: '中篇小说。' },
    }),
  },
  'DELETE /api/reading/books/{id}': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.season(false)).books[0].id } }),
  },
  'POST /api/reading/checkins/{id}/hide': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.checkin()).id }, body: { reason: '与读书无关' } }),
  },
  'GET /api/reading/seasons/{id}/orgs.xlsx': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.season()).id } }),
  },
  'GET /api/reading/seasons/{id}/checkins.xlsx': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.season()).id } }),
  },

  // ---- reading: workers (audience: the first street) ----
  'GET /api/reading/seasons/current': { expect: SIGNED_IN() },
  'POST /api/reading/seasons/{id}/checkins': {
    expect: SEASON_AUDIENCE,
    call: async (w) => {
      const season = await w.season();
      return {
        params: { id: season.id },
        body: { bookId: season.books[0].id, minutes: 20, note: '读完第一章' },
      };
    },
  },
  'GET /api/reading/seasons/{id}/checkins/mine': {
    expect: SEASON_AUDIENCE,
    call: async (w) => ({ params: { id: (await w.season()).id } }),
  },
  'GET /api/reading/seasons/{id}/me': {
    expect: SEASON_AUDIENCE,
    call: async (w) => ({ params: { id: (await w.season()).id } }),
  },
  'GET /api/reading/seasons/{id}/feed': {
    expect: SEASON_AUDIENCE,
    call: async (w) => ({ params: { id: (await w.season()).id } }),
  },
  'GET /api/reading/seasons/{id}/leaderboard': {
    expect: LEADERBOARD,
    call: async (w) => ({ params: { id: (await w.season()).id } }),
  },
  'POST /api/reading/checkins/{id}/like': {
    expect: outcomes([401, 'ok', 'ok', 404, 404, 404, 404, 'ok']),
    call: async (w) => ({ params: { id: (await w.checkin()).id } }),
  },
  'DELETE /api/reading/checkins/{id}/like': {
    expect: outcomes([401, 'ok', 'ok', 404, 404, 404, 404, 'ok']),
    call: async (w) => ({ params: { id: (await w.checkin()).id } }),
  },
  'GET /api/reading/posters/{seasonId}/{userId}': {
    expect: PUBLIC(),
    call: async (w) => {
      const season = await w.season();
      await w.checkin(w.people.worker, season);
      const me = await w.as('worker', 'get', `/api/reading/seasons/${season.id}/me`).expect(200);
      return signed((me.body as { posterUrl: string }).posterUrl);
    },
  },

  // ---- legal ----
  'POST /api/legal/questions': {
    expect: SIGNED_IN(),
    call: () => ({
      body: {
        category: 'dismissal',
        title: '被无故辞退',
        body: '公司没有理由就把我辞退了，怎么办？',
        publicAllowed: false,
      },
    }),
  },
  'GET /api/legal/questions/mine': { expect: SIGNED_IN() },
  'GET /api/legal/questions/{id}': {
    expect: OWNER({ staffIn: 'ok', admin: 'ok' }),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.question(owner)).id }, actor };
    },
  },
  // On their own question `self` writes as its asker (a follow-up), never as the one answering it.
  'POST /api/legal/questions/{id}/messages': {
    expect: OWNER({ staffIn: 'ok', admin: 'ok' }),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return {
        params: { id: (await w.question(owner)).id },
        body: { body: '补充一下：有考勤记录。' },
        actor,
      };
    },
  },
  'POST /api/legal/questions/{id}/close': {
    expect: OWNER(),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.answeredQuestion(owner)).id }, body: { rating: 5 }, actor };
    },
  },
  'GET /api/legal/inbox': { expect: STAFF_LIST({ lawyer: 'ok' }) },
  // Who could take it (never its asker): a read, allowed on one's own question.
  'GET /api/legal/assignees': {
    expect: STAFF_SCOPED(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { query: { questionId: (await w.question(owner)).id }, actor };
    },
  },
  'POST /api/legal/questions/{id}/assign': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.question(owner)).id }, body: { userId: w.people.lawyer.id }, actor };
    },
  },
  // A draft from a closed question is anonymised and reviewed before publishing: allowed on one's own.
  'POST /api/legal/questions/{id}/case-draft': {
    expect: STAFF_SCOPED(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.closedQuestion(owner)).id }, actor };
    },
  },
  'GET /api/legal/cases': { expect: SIGNED_IN() },
  'GET /api/legal/cases/{id}': {
    expect: SIGNED_IN(),
    call: async (w) => ({ params: { id: (await w.legalCase()).id } }),
  },
  'POST /api/legal/cases': {
    expect: STAFF_LIST(),
    call: () => ({
      body: {
        title: '快递员工伤认定',
        category: 'work_injury',
        facts: '快递员在送件途中发生交通事故受伤。',
        outcome: '认定工伤。',
        law: '《工伤保险条例》第十四条',
      },
    }),
  },
  'PATCH /api/legal/cases/{id}': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({
      params: { id: (await w.legalCase(false)).id },
      body: { outcome: '经仲裁全额追回。' },
    }),
  },
  'POST /api/legal/cases/{id}/publish': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.legalCase(false)).id } }),
  },
  'POST /api/legal/cases/{id}/unpublish': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ params: { id: (await w.legalCase()).id } }),
  },
  'POST /api/legal/aid-applications': {
    expect: SIGNED_IN(),
    call: () => ({
      body: {
        kind: 'mediation',
        facts: '连续三个月加班，加班费一直没有结算。',
        employer: '某某物流公司',
        amountInDispute: 3000,
      },
    }),
  },
  'GET /api/legal/aid-applications': { expect: STAFF_LIST() },
  'GET /api/legal/aid-applications/mine': { expect: SIGNED_IN() },
  'GET /api/legal/aid-applications/{id}': {
    expect: OWNER({ staffIn: 'ok', admin: 'ok' }),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.aid(owner)).id }, actor };
    },
  },
  'POST /api/legal/aid-applications/{id}/status': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await w.aid(owner)).id }, body: { status: 'accepted' }, actor };
    },
  },
};

// Features built after the matrix keep their rows in `matrix/<feature>.ts` (`export const ROWS`), so each
// feature's routes and fixtures live beside each other and no two features edit one file.
const rowsDir = join(__dirname, 'matrix');
for (const file of existsSync(rowsDir) ? readdirSync(rowsDir).filter((name) => name.endsWith('.ts')).sort() : []) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ROWS } = require(join(__dirname, 'matrix', file)) as { ROWS: Record<string, Row> };
  for (const [route, row] of Object.entries(ROWS)) {
    if (MATRIX[route]) throw new Error(`${file}: ${route} already has a row`);
    MATRIX[route] = row;
  }
}

async function freshRefresh(w: World): Promise<{ refreshToken: string }> {
  const res = await w
    .as('anonymous', 'post', '/api/auth/dev/login')
    .send({ openid: `matrix-${randomUUID()}` });
  return { refreshToken: (res.body as { refreshToken: string }).refreshToken };
}

/** A signed URL the API handed out: the signature is the capability, whoever holds it. */
function signed(url: string): Call {
  const parsed = new URL(url);
  return { url: parsed.pathname + parsed.search };
}

/** A check-in note WeChat's text check sends to human review: one pending moderation item. */
async function moderationItem(w: World, owner?: Person): Promise<number> {
  const author = owner ?? (await w.newWorker());
  await w.checkin(author, undefined, '今天读的内容有点敏感 [review]');
  const item = await w.t.dataSource.getRepository(ModerationItem).findOneByOrFail({ authorId: author.id });
  return item.id;
}
