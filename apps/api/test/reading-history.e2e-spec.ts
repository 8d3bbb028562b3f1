import { randomUUID } from 'node:crypto';
import {
  PRIVACY_POLICY_VERSION,
  shanghaiDay,
  type AuthResult,
  type CheckinView,
  type OrgView,
  type Page,
  type SeasonView,
} from '@jingcai/shared';
import request from 'supertest';
import { AccessTokenService } from '../src/common/auth/access-token.service';
import { User } from '../src/modules/users/entities/user.entity';
import { bearer, loginWithRole, startTestApp, type TestApp, orgMaker } from './support/test-app';

type Worker = { id: number; auth: [string, string] };

/** Issue 21: 我的读书笔记 — a worker's own check-ins and notes of a season, page by page. */
describe('Reading history (e2e)', () => {
  let t: TestApp;
  let admin: AuthResult;
  let street: OrgView;
  let season: SeasonView;
  const tag = Date.now().toString(36);
  const day = (daysAgo: number) => shanghaiDay(Date.now() - daysAgo * 86400_000);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginWithRole(t, 'admin');
    const org = orgMaker(t, admin, tag, { memberCount: 10 });
    const district = await org('笔记区', 'district', null);
    street = await org('笔记街道', 'street', district.id);
    const created = (
      await request(t.http)
        .post('/api/reading/seasons')
        .set(...bearer(admin))
        .send({
          theme: `阅读新时代${tag}`,
          description: '每天读书打卡',
          startsOn: day(5),
          endsOn: day(-5),
          books: [{ title: '平凡的世界', author: '路遥', blurb: '' }],
          minNoteLength: 0,
          makeUpAllowance: 3,
          badgeThresholds: [7],
          audienceOrgId: street.id,
          ownerOrgId: district.id,
        })
        .expect(201)
    ).body as SeasonView;
    season = (
      await request(t.http)
        .post(`/api/reading/seasons/${created.id}/publish`)
        .set(...bearer(admin))
        .expect(200)
    ).body as SeasonView;
  });
  afterAll(async () => {
    await t.fake.settled();
    await t.close();
  });

  async function worker(): Promise<Worker> {
    const users = t.dataSource.getRepository(User);
    const user = users.create({
      openid: `notes-${randomUUID()}`,
      realName: '周读书',
      orgId: street.id,
      consentVersion: PRIVACY_POLICY_VERSION,
    });
    await users.insert(user);
    return { id: user.id, auth: ['Authorization', `Bearer ${t.app.get(AccessTokenService).sign(user.id, [])}`] };
  }

  const checkIn = (w: Worker, note: string, date?: string) =>
    request(t.http)
      .post(`/api/reading/seasons/${season.id}/checkins`)
      .set(...w.auth)
      .send({ bookId: season.books[0].id, minutes: 20, note, ...(date ? { date } : {}) })
      .expect(201);
  const mine = async (w: Worker, query: Record<string, number> = {}) =>
    (
      await request(t.http)
        .get(`/api/reading/seasons/${season.id}/checkins/mine`)
        .query(query)
        .set(...w.auth)
        .expect(200)
    ).body as Page<CheckinView>;

  it('pages through my own notes, latest day first, and never shows another worker’s', async () => {
    const me = await worker();
    const other = await worker();
    await checkIn(me, `今天的读后感${tag}`);
    await checkIn(me, `补前天的读后感${tag}`, day(2));
    await checkIn(me, `补昨天的读后感${tag}`, day(1));
    await checkIn(other, `别人的读后感${tag}`);

    const first = await mine(me, { pageSize: 2 });
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items.map((c) => [c.day, c.note, c.makeUp])).toEqual([
      [day(0), `今天的读后感${tag}`, false],
      [day(1), `补昨天的读后感${tag}`, true],
    ]);
    const second = await mine(me, { page: 2, pageSize: 2 });
    expect(second.items.map((c) => c.day)).toEqual([day(2)]);

    const theirs = await mine(other);
    expect(theirs).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(theirs.items[0].note).toBe(`别人的读后感${tag}`);
  });

  it('answers an empty page to a worker of the audience who has not checked in', async () => {
    expect(await mine(await worker())).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });
});
