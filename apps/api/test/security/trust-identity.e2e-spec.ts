import {
  type ErrorEnvelope,
  type MemberCardView,
  type MemberView,
  type MeView,
  type OrgRequestView,
  type Page,
  type RoleGrantView,
  type WorkerCategory,
} from '@jingcai/shared';
import request from 'supertest';
import { User } from '../../src/modules/users/entities/user.entity';
import { loginNewUser, loginWithRole, startTestApp, type TestApp } from '../support/test-app';
import { createDatabase, dropDatabase, openDataSource } from '../support/test-database';
import { World, type Person } from './world';

/**
 * Issue 17, items 2, 3 (membership and members), 8b and 9: what a worker says about themselves grants
 * nothing until staff in scope verified it, nobody reviews their own record, and the accounts' invariants
 * (one verified phone, one account; never no admin) hold.
 */
describe('Trust: identity, org and roles (e2e)', () => {
  let w: World;

  beforeAll(async () => {
    w = await World.create();
  });
  afterAll(() => w.close());

  const codeOf = (res: request.Response) => (res.body as ErrorEnvelope).code;
  const me = async (who: Person) => (await w.as(who, 'get', '/api/me').expect(200)).body as MeView;
  const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

  /** A benefit of the first street's station, open now, with these eligibility rules. */
  async function benefit(eligibility: {
    categories?: WorkerCategory[];
    gigVerifiedRequired?: boolean;
    orgId?: number;
  }): Promise<{ id: number; stationId: number }> {
    const station = await w.station();
    const res = await w
      .as('admin', 'post', '/api/care/benefits')
      .send({
        title: `核验礼包${w.tag}`,
        description: '只发给核验过的职工。',
        kind: 'pack',
        stock: 20,
        perPersonLimit: 1,
        claimStartsAt: hoursFromNow(-1),
        claimEndsAt: hoursFromNow(24),
        pickupDeadline: hoursFromNow(24 * 7),
        eligibility: {
          categories: eligibility.categories ?? [],
          gigVerifiedRequired: eligibility.gigVerifiedRequired ?? false,
          tags: [],
          membersOnly: false,
          orgId: eligibility.orgId ?? w.streetId,
        },
        stationIds: [station.id],
        ownerOrgId: w.streetId,
      })
      .expect(201);
    return { id: (res.body as { id: number }).id, stationId: station.id };
  }
  const claim = (who: Person, b: { id: number; stationId: number }) =>
    w.as(who, 'post', `/api/care/benefits/${b.id}/claims`).send({ stationId: b.stationId });
  const requests = async (who: Person | 'staffIn' | 'staffOut' | 'admin') =>
    (
      (await w.as(who, 'get', '/api/membership/org-requests').query({ pageSize: 100 }).expect(200))
        .body as Page<OrgRequestView>
    ).items;

  describe('2. a self-chosen org is a request, granted only by staff of that org', () => {
    it('grants an org-restricted benefit and quiz only after staff of the requested org approve', async () => {
      const restricted = await benefit({ orgId: w.streetId });
      const campaign = await w.campaign();
      const worker = await w.person('换组织职工', w.otherStreetId);

      await claim(worker, restricted).expect(403);
      const changed = (await w.as(worker, 'patch', '/api/me').send({ orgId: w.streetId }).expect(200))
        .body as MeView;
      // The verified org stays; the new one is pending.
      expect(changed.org?.id).toBe(w.otherStreetId);
      expect(changed.requestedOrg?.id).toBe(w.streetId);
      expect((await me(worker)).requestedOrg?.id).toBe(w.streetId);

      // Still outside the audience: what the worker said grants nothing.
      expect(codeOf(await claim(worker, restricted).expect(403))).toBe('NOT_ELIGIBLE');
      await w.as(worker, 'post', `/api/quiz/campaigns/${campaign.id}/attempts`).expect(403);

      // Staff of another street (even the worker's current one) neither see nor decide it.
      expect((await requests('staffOut')).map((r) => r.userId)).not.toContain(worker.id);
      expect(
        codeOf(
          await w.as('staffOut', 'post', `/api/membership/org-requests/${worker.id}/approve`).expect(404),
        ),
      ).toBe('NOT_FOUND');
      await w
        .as('staffOut', 'post', `/api/membership/org-requests/${worker.id}/reject`)
        .send({ reason: '不是本街道的职工' })
        .expect(404);
      const pending = (await requests('staffIn')).find((r) => r.userId === worker.id);
      expect(pending).toMatchObject({
        currentOrg: { id: w.otherStreetId },
        requestedOrg: { id: w.streetId },
      });

      await w.as('staffIn', 'post', `/api/membership/org-requests/${worker.id}/approve`).expect(201);
      const after = await me(worker);
      expect(after.org?.id).toBe(w.streetId);
      expect(after.requestedOrg).toBeNull();
      await claim(worker, restricted).expect(201);
      await w.as(worker, 'post', `/api/quiz/campaigns/${campaign.id}/attempts`).expect(201);
      // Decided once.
      expect(
        codeOf(
          await w.as('staffIn', 'post', `/api/membership/org-requests/${worker.id}/approve`).expect(404),
        ),
      ).toBe('NOT_FOUND');
    });

    it('rejects with a reason, leaving the verified org, and withdraws on null or the current org', async () => {
      const worker = await w.person('被驳回职工', w.otherStreetId);
      await w.as(worker, 'patch', '/api/me').send({ orgId: w.enterpriseId }).expect(200);
      await w.as('staffIn', 'post', `/api/membership/org-requests/${worker.id}/reject`).send({}).expect(400);
      await w
        .as('staffIn', 'post', `/api/membership/org-requests/${worker.id}/reject`)
        .send({ reason: '单位未登记该职工' })
        .expect(201);
      const rejected = await me(worker);
      expect(rejected.org?.id).toBe(w.otherStreetId);
      expect(rejected.requestedOrg).toBeNull();

      await w.as(worker, 'patch', '/api/me').send({ orgId: w.enterpriseId }).expect(200);
      expect((await w.as(worker, 'patch', '/api/me').send({ orgId: null }).expect(200)).body).toMatchObject({
        org: { id: w.otherStreetId },
        requestedOrg: null,
      });
      await w.as(worker, 'patch', '/api/me').send({ orgId: w.enterpriseId }).expect(200);
      await w.as(worker, 'patch', '/api/me').send({ orgId: w.otherStreetId }).expect(200);
      expect((await me(worker)).requestedOrg).toBeNull();
      expect((await requests('staffIn')).map((r) => r.userId)).not.toContain(worker.id);
    });

    it('keeps staff from deciding their own org request, and leaves it out of their list', async () => {
      const self = await w.staffWorker('换组织干事');
      await w.as(self, 'patch', '/api/me').send({ orgId: w.streetId }).expect(200);
      expect((await requests(self)).map((r) => r.userId)).not.toContain(self.id);
      expect(
        codeOf(await w.as(self, 'post', `/api/membership/org-requests/${self.id}/approve`).expect(403)),
      ).toBe('OWN_RECORD');
      await w
        .as(self, 'post', `/api/membership/org-requests/${self.id}/reject`)
        .send({ reason: '本人撤回申请' })
        .expect(403);
      expect((await me(self)).org?.id).toBe(w.enterpriseId);
      await w.as('staffIn', 'post', `/api/membership/org-requests/${self.id}/approve`).expect(201);
      expect((await me(self)).org?.id).toBe(w.streetId);
    });

    it("moves a member's card and directory entry only once the new org's staff approve", async () => {
      const member = await w.newWorker('转会职工');
      const { id } = await w.application(member);
      await w.as('staffIn', 'post', `/api/membership/applications/${id}/approve`).expect(201);
      const directory = async (who: 'staffIn' | 'staffOut') =>
        (
          (await w.as(who, 'get', '/api/members').query({ pageSize: 100 }).expect(200))
            .body as Page<MemberView>
        ).items.map((m) => m.id);
      const card = async () =>
        ((await w.as(member, 'get', '/api/membership/card').expect(200)).body as MemberCardView).org;

      await w.as(member, 'patch', '/api/me').send({ orgId: w.otherStreetId }).expect(200);
      expect((await card())?.id).toBe(w.enterpriseId);
      expect(await directory('staffIn')).toContain(member.id);
      expect(await directory('staffOut')).not.toContain(member.id);

      await w.as('staffOut', 'post', `/api/membership/org-requests/${member.id}/approve`).expect(201);
      expect((await card())?.id).toBe(w.otherStreetId);
      expect(await directory('staffOut')).toContain(member.id);
      expect(await directory('staffIn')).not.toContain(member.id);
    });
  });

  describe('2. a self-declared category grants nothing, and gig verification belongs to its category', () => {
    it('clears gig verification when the category changes, and an unreviewed category is not eligible', async () => {
      const couriers = await benefit({
        categories: ['courier'],
        gigVerifiedRequired: true,
      });
      const riders = await benefit({ categories: ['delivery_rider'] });
      const worker = await w.newWorker('转行骑手'); // a verified courier
      await claim(worker, await benefit({ categories: ['courier'], gigVerifiedRequired: true })).expect(201);

      const switched = (
        await w.as(worker, 'patch', '/api/me').send({ category: 'delivery_rider' }).expect(200)
      ).body as MeView;
      expect(switched).toMatchObject({
        category: 'delivery_rider',
        gigVerified: false,
      });
      const row = await w.t.dataSource.getRepository(User).findOneByOrFail({ id: worker.id });
      expect(row).toMatchObject({
        gigVerified: false,
        categoryVerified: false,
      });

      // Saying "rider" does not make one: the category counts once a review confirmed it.
      expect(codeOf(await claim(worker, riders).expect(403))).toBe('NOT_ELIGIBLE');
      // Nor does switching back restore the old verification.
      await w.as(worker, 'patch', '/api/me').send({ category: 'courier' }).expect(200);
      expect(codeOf(await claim(worker, couriers).expect(403))).toBe('NOT_ELIGIBLE');

      // Saving the profile unchanged keeps what was verified.
      const kept = await w.newWorker('保存资料职工');
      await w
        .as(kept, 'patch', '/api/me')
        .send({ category: 'courier', realName: '保存资料职工' })
        .expect(200);
      expect((await me(kept)).gigVerified).toBe(true);
      await claim(kept, couriers).expect(201);
    });
  });

  describe('3. staff never decide or tag their own records', () => {
    it('refuses approving or rejecting their own membership application, staff and admins alike', async () => {
      for (const reviewer of [await w.staffWorker('自审干事'), w.people.admin]) {
        const { id } = await w.application(reviewer);
        expect(
          codeOf(await w.as(reviewer, 'post', `/api/membership/applications/${id}/approve`).expect(403)),
        ).toBe('OWN_RECORD');
        await w
          .as(reviewer, 'post', `/api/membership/applications/${id}/reject`)
          .send({ reason: '自己驳回自己' })
          .expect(403);
        await w.as('staffIn', 'post', `/api/membership/applications/${id}/approve`).expect(201);
      }
    });

    it('refuses tagging themselves, staff and admins alike, while others may tag them', async () => {
      const self = await w.staffWorker('自贴标签干事');
      for (const who of [self, w.people.admin]) {
        const res = await w
          .as(who, 'put', `/api/members/${who === self ? self.id : w.people.admin.id}/tags`)
          .send({ tags: ['high_temperature_post'] })
          .expect(403);
        expect(codeOf(res)).toBe('OWN_RECORD');
      }
      expect((await me(self)).tags).toEqual([]);
      await w
        .as('staffIn', 'put', `/api/members/${self.id}/tags`)
        .send({ tags: ['high_temperature_post'] })
        .expect(200);
    });
  });

  describe('8b. revoking a role names exactly the grant', () => {
    it('wants the org of a staff grant (400 naming orgId) and says when the grant is not held', async () => {
      const staff = await w.person('撤销干事', null, [{ role: 'staff', orgId: w.streetId }]);
      const missing = await w
        .as('admin', 'delete', `/api/admin/users/${staff.id}/roles`)
        .send({ role: 'staff' })
        .expect(400);
      expect(JSON.stringify((missing.body as ErrorEnvelope).details)).toContain('orgId');
      await w
        .as('admin', 'delete', `/api/admin/users/${staff.id}/roles`)
        .send({ role: 'staff', orgId: w.otherStreetId })
        .expect(404);
      await w
        .as('admin', 'delete', `/api/admin/users/${staff.id}/roles`)
        .send({ role: 'lawyer' })
        .expect(404);
      const left = await w
        .as('admin', 'delete', `/api/admin/users/${staff.id}/roles`)
        .send({ role: 'staff', orgId: w.streetId })
        .expect(200);
      expect(left.body as RoleGrantView[]).toEqual([]);
    });

    it('refuses an admin granting a role to themselves', async () => {
      const res = await w
        .as('admin', 'post', `/api/admin/users/${w.people.admin.id}/roles`)
        .send({ role: 'lawyer' })
        .expect(403);
      expect(codeOf(res)).toBe('OWN_RECORD');
    });
  });

  describe('9a. one WeChat-verified phone, one account', () => {
    it('refuses binding a phone another account bound, even when both try at once', async () => {
      const phone = `137${String(Date.now()).slice(-8)}`;
      const [first, second] = [await w.newWorker(), await w.newWorker()];
      await w
        .as(first, 'post', '/api/me/phone')
        .send({ code: `phone:${phone}` })
        .expect(201);
      // Binding it again on the same account is fine.
      await w
        .as(first, 'post', '/api/me/phone')
        .send({ code: `phone:${phone}` })
        .expect(201);
      const taken = await w
        .as(second, 'post', '/api/me/phone')
        .send({ code: `phone:${phone}` })
        .expect(409);
      expect(taken.body).toMatchObject({
        code: 'PHONE_TAKEN',
        message: '该手机号已绑定其他账号',
      });

      const racing = `136${String(Date.now()).slice(-8)}`;
      const racers = [await w.newWorker(), await w.newWorker(), await w.newWorker()];
      const statuses = await Promise.all(
        racers.map(
          async (r) => (await w.as(r, 'post', '/api/me/phone').send({ code: `phone:${racing}` })).status,
        ),
      );
      expect(statuses.sort()).toEqual([201, 409, 409]);
    });
  });
});

describe('Trust: the last admin (e2e, a database of its own)', () => {
  const name = `jingcai_last_admin_${Date.now()}`;
  let t: TestApp;

  beforeAll(async () => {
    const url = await createDatabase(name);
    const dataSource = await openDataSource(url);
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    t = await startTestApp({ env: { DATABASE_URL: url } });
  });
  afterAll(async () => {
    await t.close();
    await dropDatabase(name);
  });

  const revokeAdmin = (by: { accessToken: string }, userId: number) =>
    request(t.http)
      .delete(`/api/admin/users/${userId}/roles`)
      .set('Authorization', `Bearer ${by.accessToken}`)
      .send({ role: 'admin' });

  it('refuses removing the last admin grant, and two admins revoking each other at once leave one', async () => {
    const only = await loginWithRole(t, 'admin');
    const res = await revokeAdmin(only, only.user.id).expect(409);
    expect(codeOf(res)).toBe('LAST_ADMIN');

    const worker = await loginNewUser(t);
    await revokeAdmin(only, worker.user.id).expect(404);

    const other = await loginWithRole(t, 'admin');
    const statuses = await Promise.all([
      revokeAdmin(only, other.user.id).then((r) => r.status),
      revokeAdmin(other, only.user.id).then((r) => r.status),
    ]);
    expect(statuses.sort()).toEqual([200, 409]);
    const admins = await t.dataSource.query<{ n: number | string }[]>(
      "SELECT COUNT(*) AS n FROM user_roles WHERE role = 'admin'",
    );
    expect(Number(admins[0].n)).toBe(1);

    // With a second admin, giving up one's own admin role is allowed.
    const third = await loginWithRole(t, 'admin');
    const survivor = statuses[0] === 200 ? only : other;
    await revokeAdmin(survivor, survivor.user.id).expect(200);
    await revokeAdmin(third, third.user.id).expect(409);
  });

  function codeOf(res: request.Response): string {
    return (res.body as ErrorEnvelope).code;
  }
});
