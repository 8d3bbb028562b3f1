import type {
  AssistanceStats,
  NotificationPage,
  Page,
  StaffWishView,
  WishStatus,
  WishView,
  WishWallItem,
} from '@jingcai/shared';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import { RegisterService } from '../src/modules/assistance/register.service';
import { User } from '../src/modules/users/entities/user.entity';
import { World, type Person } from './security/world';
import { PUBLISH, publishedWish, registered } from './support/assistance-fixtures';
import { type TestApp, startSecondInstance } from './support/test-app';

/** 微心愿 (issue 24): vetting, a wall that identifies nobody, exactly one donor, hand-over, and the register's yearly review. */
describe('Assistance wishes and the register (e2e)', () => {
  let w: World;
  // A second API instance on the same database, as behind a load balancer.
  let b: TestApp;
  let now: Date | null = null;

  beforeAll(async () => {
    w = await World.create();
    b = await startSecondInstance(w.t);
    for (const app of [w.t.app, b.app]) {
      jest.spyOn(app.get(Clock), 'now').mockImplementation(() => now ?? new Date());
    }
  });
  afterAll(async () => {
    await b.close();
    await w.close();
  });
  beforeEach(() => {
    now = null;
  });

  const wishBody = { title: '给孩子一个新书包', story: '孩子上三年级了，书包背了四年已经破了，想要一个新书包。', amountYuan: 150 };
  const wall = async (who: Person | 'otherWorker' = 'otherWorker', query: Record<string, string | number> = {}) =>
    ((await w.as(who, 'get', '/api/assistance/wishes').query({ pageSize: 100, ...query }).expect(200)).body as Page<WishWallItem>)
      .items;

  it('lets only a family on the register (or staff for one) wish, up to 500 元; self-declared hardship grants nothing', async () => {
    const worker = await w.newWorker('秦桂芝');
    await w.t.dataSource.getRepository(User).update(worker.id, { tags: ['hardship_family'] });
    const refused = await w.as(worker, 'post', '/api/assistance/wishes').send(wishBody);
    expect([refused.status, refused.body.code]).toEqual([403, 'NOT_ON_REGISTER']);
    await registered(w, worker);
    const tooDear = await w.as(worker, 'post', '/api/assistance/wishes').send({ ...wishBody, amountYuan: 501 });
    expect([tooDear.status, tooDear.body.details?.[0]?.field]).toEqual([400, 'amountYuan']);
    const made = (await w.as(worker, 'post', '/api/assistance/wishes').send(wishBody).expect(201)).body as WishView;
    expect(made).toMatchObject({ status: 'pending_review', myRole: 'owner', handOver: null });
    const second = await w.as(worker, 'post', '/api/assistance/wishes').send(wishBody);
    expect([second.status, second.body.code]).toEqual([409, 'WISH_IN_PROGRESS']);
    // Not on the wall until staff publish it (nor on a page of its own); then in their words.
    expect((await wall()).map((i) => i.id)).not.toContain(made.id);
    await w.as('otherWorker', 'get', `/api/assistance/wishes/${made.id}`).expect(404);
    const queue = (await w.as('staffIn', 'get', '/api/assistance/wishes/review').query({ pageSize: 100 }).expect(200))
      .body as Page<StaffWishView>;
    expect(queue.items.find((i) => i.id === made.id)).toMatchObject({ beneficiary: { name: '秦桂芝' } });
    await w.as('staffOut', 'post', `/api/assistance/wishes/${made.id}/publish`).send(PUBLISH).expect(404);
    await w
      .as('staffIn', 'post', `/api/assistance/wishes/${made.id}/publish`)
      .send({ ...PUBLISH, story: '孩子的书包用了四年，破了，想要一个新书包。' })
      .expect(201);
    expect((await wall()).find((i) => i.id === made.id)).toMatchObject({
      status: 'open',
      story: '孩子的书包用了四年，破了，想要一个新书包。',
      maskedName: '秦*',
    });
  });

  it('lets staff write a wish for a family of their subtree, which someone else must vet', async () => {
    const family = await w.person('葛阿姨', w.enterpriseId);
    await registered(w, family);
    const written = (
      await w.as('staffIn', 'post', '/api/assistance/wishes').send({ ...wishBody, forUserId: family.id }).expect(201)
    ).body as WishView;
    const queueOf = async (who: Person | 'admin' | 'staffIn') =>
      ((await w.as(who, 'get', '/api/assistance/wishes/review').query({ pageSize: 100 }).expect(200)).body as Page<StaffWishView>).items.find(
        (i) => i.id === written.id,
      );
    expect(await queueOf('admin')).toMatchObject({
      beneficiary: { name: '葛阿姨' },
      authorName: '甲街道干事',
      mayVet: true,
      ownPart: null,
    });
    // The console hides 审核通过并发布 / 不予发布 from the writer: their view says why; a colleague's says go ahead.
    expect(await queueOf('staffIn')).toMatchObject({ mayVet: false, ownPart: 'author' });
    expect(await queueOf(await w.staffWorker('丙干事'))).toMatchObject({ mayVet: true, ownPart: null });
    // The writer does not vet their own words, either way.
    for (const [action, body] of [['publish', PUBLISH], ['reject', { reason: '请写明是给谁使用的。' }]] as const) {
      const res = await w.as('staffIn', 'post', `/api/assistance/wishes/${written.id}/${action}`).send(body);
      expect([res.status, res.body.code]).toEqual([403, 'OWN_RECORD']);
    }
    const published = (await w.as('admin', 'post', `/api/assistance/wishes/${written.id}/publish`).send(PUBLISH).expect(201))
      .body as StaffWishView;
    // Decided: nobody vets it again.
    expect(published).toMatchObject({ status: 'open', mayVet: false, ownPart: null });
    expect(await queueOf('staffIn')).toBeUndefined();
    expect((await w.as(family, 'get', `/api/assistance/wishes/mine/${written.id}`).expect(200)).body).toMatchObject({
      myRole: 'owner',
      status: 'open',
    });
  });

  it('shows a wall that leaks no name, phone, address or org below the street', async () => {
    const family = await w.person('欧阳娜娜', w.enterpriseId);
    const made = await publishedWish(w, family);
    const { phoneCipher } = await w.t.dataSource.getRepository(User).findOneByOrFail({ id: family.id });
    const phone = w.t.app.get(PiiCipher).decrypt(phoneCipher!);
    const items = await wall();
    const item = items.find((i) => i.id === made.id)!;
    expect(Object.keys(item).sort()).toEqual(
      ['amountYuan', 'donorLabel', 'id', 'maskedName', 'publishedAt', 'status', 'story', 'streetName', 'title'].sort(),
    );
    expect(item).toMatchObject({ maskedName: '欧*', streetName: `安全甲街道${w.tag}` });
    const json = JSON.stringify(items);
    for (const leak of ['欧阳娜娜', '娜娜', `安全甲企业${w.tag}`, '企业', PUBLISH.handOverPlace, phone]) {
      expect(json).not.toContain(leak);
    }
    expect(json).not.toMatch(/1[3-9]\d{9}/);
    // Its own page shows the same item and nothing more.
    expect((await w.as('otherWorker', 'get', `/api/assistance/wishes/${made.id}`).expect(200)).body).toEqual(item);
  });

  it('gives a wish to exactly one of 20 donors tapping at once on two instances, then hands over and confirms', async () => {
    const family = await w.person('潘小梅', w.enterpriseId);
    const made = await publishedWish(w, family);
    const donors = await Promise.all(Array.from({ length: 20 }, (_, i) => w.newWorker(`爱心${i}`)));
    const results = await Promise.all(
      donors.map((d, i) =>
        request(i % 2 ? b.http : w.t.http)
          .post(`/api/assistance/wishes/${made.id}/claim`)
          .set('Authorization', `Bearer ${d.token}`)
          .send({}),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(results.find((r) => r.status === 409)!.body).toMatchObject({ code: 'WISH_TAKEN' });
    const winner = donors[statuses.indexOf(201)];
    const [row] = await w.t.dataSource.query<{ donor_user_id: number; status: string }[]>(
      'SELECT donor_user_id, status FROM assistance_wishes WHERE id = ?',
      [made.id],
    );
    expect([Number(row.donor_user_id), row.status]).toEqual([winner.id, 'claimed']);

    // The donor is sent to the union office, never to the family; the wall says 已认领.
    const claimed = (await w.as(winner, 'get', `/api/assistance/wishes/mine/${made.id}`).expect(200)).body as WishView;
    expect(claimed).toMatchObject({ myRole: 'donor', status: 'claimed', handOver: { kind: 'union_office', place: PUBLISH.handOverPlace } });
    expect(JSON.stringify(claimed)).not.toContain('潘小梅');
    expect((await wall()).find((i) => i.id === made.id)).toMatchObject({ status: 'claimed', donorLabel: '爱心职工' });
    const loser = donors.find((d) => d !== winner)!;
    await w.as(loser, 'post', `/api/assistance/wishes/${made.id}/handed-over`).expect(403);
    await w.as(winner, 'post', `/api/assistance/wishes/${made.id}/handed-over`).expect(201);

    // Staff confirm with a photo for the record: never on the wall, never the donor's to open.
    const photo = await w.upload(w.people.staffIn, 'assistance_photo');
    const confirmed = (
      await w.as('staffIn', 'post', `/api/assistance/wishes/${made.id}/confirm`).send({ photoUploadId: photo.id }).expect(201)
    ).body as StaffWishView;
    expect(confirmed).toMatchObject({ status: 'fulfilled', donor: { kind: 'worker' }, confirmPhoto: { id: photo.id } });
    expect((await wall()).find((i) => i.id === made.id)).toMatchObject({ status: 'fulfilled' });
    expect(JSON.stringify(await wall())).not.toContain(photo.id);
    for (const who of [winner, family, w.people.otherWorker, w.people.staffOut]) {
      await w.as(who, 'get', `/api/uploads/${photo.id}`).expect(404);
    }
    await w.as('admin', 'get', `/api/uploads/${photo.id}`).expect(200);
    const inbox = (await w.as(family, 'get', '/api/notifications').expect(200)).body as NotificationPage;
    expect(inbox.items.filter((n) => n.kind === 'wish_updated')).toHaveLength(4);
  });

  it('records an enterprise donor through staff, named on the wall; its recorder marks the hand-over, another confirms', async () => {
    const made = await publishedWish(w, await w.person('袁大伯', w.enterpriseId));
    await w
      .as('staffIn', 'post', `/api/assistance/wishes/${made.id}/enterprise-claim`)
      .send({ enterpriseName: '京口爱心物流有限公司' })
      .expect(201);
    expect((await wall()).find((i) => i.id === made.id)).toMatchObject({ donorLabel: '京口爱心物流有限公司' });
    const late = await w.as('otherWorker', 'post', `/api/assistance/wishes/${made.id}/claim`).send({});
    expect([late.status, late.body.code]).toEqual([409, 'WISH_TAKEN']);

    // The recorder stands as the donor: the console offers them 登记已送达 and never 确认圆梦; a colleague the reverse.
    const colleague = await w.staffWorker('丁干事');
    const viewOf = async (who: Person | 'staffIn', status: WishStatus) =>
      ((await w.as(who, 'get', '/api/assistance/wishes/review').query({ status, pageSize: 100 }).expect(200)).body as Page<StaffWishView>).items.find(
        (i) => i.id === made.id,
      );
    expect(await viewOf('staffIn', 'claimed')).toMatchObject({
      donor: { kind: 'enterprise', recordedByName: '甲街道干事' },
      mayMarkHandedOver: true,
      mayConfirm: false,
      ownPart: 'donor',
    });
    expect(await viewOf(colleague, 'claimed')).toMatchObject({ mayMarkHandedOver: false, mayConfirm: true, ownPart: null });
    await w.as(colleague, 'post', `/api/assistance/wishes/${made.id}/handed-over`).expect(403);
    await w.as('staffIn', 'post', `/api/assistance/wishes/${made.id}/handed-over`).expect(201);

    expect(await viewOf('staffIn', 'handed_over')).toMatchObject({ mayMarkHandedOver: false, mayConfirm: false, ownPart: 'donor' });
    expect(await viewOf(colleague, 'handed_over')).toMatchObject({ mayMarkHandedOver: false, mayConfirm: true, ownPart: null });
    const own = await w.as('staffIn', 'post', `/api/assistance/wishes/${made.id}/confirm`).send({});
    expect([own.status, own.body.code]).toEqual([403, 'OWN_RECORD']);
    const done = (await w.as(colleague, 'post', `/api/assistance/wishes/${made.id}/confirm`).send({}).expect(201))
      .body as StaffWishView;
    expect(done).toMatchObject({ status: 'fulfilled', mayMarkHandedOver: false, mayConfirm: false, ownPart: null });
  });

  it('counts by street for the annual report, with no personal data', async () => {
    const stats = (await w.as('staffIn', 'get', '/api/assistance/stats').expect(200)).body as AssistanceStats;
    const street = stats.rows.find((r) => r.org.id === w.streetId)!;
    expect(street.wishesPublished).toBeGreaterThanOrEqual(3);
    expect(street.wishesClaimed).toBeGreaterThanOrEqual(2);
    expect(street.wishesFulfilled).toBeGreaterThanOrEqual(1);
    expect(street.registered).toBeGreaterThanOrEqual(3);
    expect(stats.rows.map((r) => r.org.id)).not.toContain(w.otherStreetId);
    expect(JSON.stringify(stats)).not.toMatch(/欧阳|潘小梅|秦桂芝/);
    const other = (await w.as('staffOut', 'get', '/api/assistance/stats').expect(200)).body as AssistanceStats;
    expect(other.rows.map((r) => r.org.id)).not.toContain(w.streetId);
    const file = await w.as('admin', 'get', '/api/assistance/stats').query({ format: 'xlsx' }).expect(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
  });

  it('reminds the staff who check applications once a year per family, however many instances sweep', async () => {
    const family = await w.person('卢奶奶', w.enterpriseId);
    const entryId = await registered(w, family);
    const inboxOf = async (who: Person) =>
      ((await w.as(who, 'get', '/api/notifications').query({ pageSize: 100 }).expect(200)).body as NotificationPage).items.filter(
        (n) => n.kind === 'assistance_review_due' && n.body.includes('卢奶奶'),
      );
    await Promise.all([w.t.app, b.app].map((app) => app.get(RegisterService).remindDue()));
    expect(await inboxOf(w.people.staffIn)).toHaveLength(0);

    now = new Date(Date.now() + 366 * 86400_000);
    await Promise.all([w.t.app.get(RegisterService).remindDue(), b.app.get(RegisterService).remindDue()]);
    await w.t.app.get(RegisterService).remindDue();
    // The first street checks for its enterprise, which has no union staff of its own.
    expect(await inboxOf(w.people.staffIn)).toHaveLength(1);
    expect(await inboxOf(w.people.staffOut)).toHaveLength(0);
    const due = (await w.as('staffIn', 'get', '/api/assistance/register').query({ dueOnly: 'true', pageSize: 100 }).expect(200))
      .body as Page<{ id: number; reviewOverdue: boolean }>;
    expect(due.items.find((e) => e.id === entryId)).toMatchObject({ reviewOverdue: true });

    // Reviewed, the family is due again a year later, and staff are reminded again then.
    await w.as('staffIn', 'post', `/api/assistance/register/${entryId}/review`).send({ stillInHardship: true }).expect(201);
    await w.t.app.get(RegisterService).remindDue();
    expect(await inboxOf(w.people.staffIn)).toHaveLength(1);
    now = new Date(Date.now() + 2 * 366 * 86400_000);
    await w.t.app.get(RegisterService).remindDue();
    expect(await inboxOf(w.people.staffIn)).toHaveLength(2);
    // Off the register, the family can no longer wish.
    await w.as('staffIn', 'post', `/api/assistance/register/${entryId}/review`).send({ stillInHardship: false }).expect(201);
    const off = await w.as(family, 'post', '/api/assistance/wishes').send(wishBody);
    expect([off.status, off.body.code]).toEqual([403, 'NOT_ON_REGISTER']);
  });
});
