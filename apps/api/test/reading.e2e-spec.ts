import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PRIVACY_POLICY_VERSION,
  shanghaiDay,
  shanghaiDayStart,
  type AuthResult,
  type CheckinResultView,
  type CurrentSeasonView,
  type ErrorEnvelope,
  type FeedPageView,
  type LeaderboardView,
  type LikeView,
  type MyReadingView,
  type OrgView,
  type ReaderRankView,
  type ReadingOrgRankView,
  type SeasonBody,
  type SeasonView,
  type UploadView,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { AccessTokenService } from '../src/common/auth/access-token.service';
import { Clock } from '../src/common/clock';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { ReadingCheckin, ReadingParticipant } from '../src/modules/reading/entities/reading.entities';
import { ModerationItem } from '../src/modules/content-safety/entities/moderation-item.entity';
import { User } from '../src/modules/users/entities/user.entity';
import { testJpeg } from './support/images';
import { startListeningTestApp } from './support/listening-app';
import { bearer, loginWithRole, type TestApp } from './support/test-app';

type Worker = { id: number; auth: [string, string] };

/** An instant on a Shanghai calendar day: `at('2026-01-31', 23, 59, 59)`. */
function at(day: string, hours = 12, minutes = 0, seconds = 0): Date {
  return new Date(shanghaiDayStart(day).getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}

describe('Reading season (e2e)', () => {
  let t: TestApp;
  let admin: AuthResult;
  let district: OrgView;
  let street: OrgView;
  let community: OrgView;
  let otherStreet: OrgView;
  const uploadDir = join(tmpdir(), `jingcai-reading-${randomUUID()}`);
  const tag = Date.now().toString(36);
  let clock: Clock;
  let now: Date | null = null;

  beforeAll(async () => {
    t = await startListeningTestApp({ env: { UPLOAD_DIR: uploadDir } });
    clock = t.app.get(Clock);
    jest.spyOn(clock, 'now').mockImplementation(() => now ?? new Date());
    admin = await loginWithRole(t, 'admin');
    const org = async (name: string, kind: string, parentId: number | null, memberCount: number) =>
      (
        await request(t.http)
          .post('/api/orgs')
          .set(...bearer(admin))
          .send({ name: `${name}${tag}`, kind, parentId, memberCount })
          .expect(201)
      ).body as OrgView;
    district = await org('读书区', 'district', null, 1000);
    street = await org('读书甲街道', 'street', district.id, 10);
    community = await org('读书甲社区', 'enterprise', street.id, 5);
    otherStreet = await org('读书乙街道', 'street', district.id, 40);
  });
  afterAll(async () => {
    await t.fake.settled();
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    now = null;
  });

  async function season(overrides: Partial<SeasonBody> = {}, publish = true): Promise<SeasonView> {
    const body: SeasonBody = {
      theme: `阅读新时代 建功新征程${tag}`,
      description: '每天读书，打卡分享读后感。',
      startsOn: shanghaiDay(Date.now() - 20 * 86400_000),
      endsOn: shanghaiDay(Date.now() + 20 * 86400_000),
      books: [
        { title: '平凡的世界', author: '路遥', blurb: '孙少安和孙少平的奋斗。' },
        { title: '红岩', author: '罗广斌、杨益言', blurb: '' },
      ],
      minNoteLength: 10,
      makeUpAllowance: 2,
      badgeThresholds: [2, 3, 5],
      audienceOrgId: null,
      ownerOrgId: district.id,
      ...overrides,
    };
    const created = (
      await request(t.http)
        .post('/api/reading/seasons')
        .set(...bearer(admin))
        .send(body)
        .expect(201)
    ).body as SeasonView;
    if (!publish) return created;
    return (
      await request(t.http)
        .post(`/api/reading/seasons/${created.id}/publish`)
        .set(...bearer(admin))
        .expect(200)
    ).body as SeasonView;
  }

  async function worker(orgId: number = community.id, realName = '李读书'): Promise<Worker> {
    const users = t.dataSource.getRepository(User);
    const user = users.create({
      openid: `reading-${randomUUID()}`,
      realName,
      orgId,
      consentVersion: PRIVACY_POLICY_VERSION,
    });
    await users.insert(user);
    return {
      id: user.id,
      auth: ['Authorization', `Bearer ${t.app.get(AccessTokenService).sign(user.id, [])}`],
    };
  }

  let noteSerial = 0;
  /** A note of its own each time (the same note twice is refused), ≥ 10 characters. */
  const note = (prefix = '今天读了一章，很受启发') => `${prefix}，第${++noteSerial}次记录。`;

  const checkIn = (w: Worker, s: SeasonView, body: Record<string, unknown> = {}) =>
    request(t.http)
      .post(`/api/reading/seasons/${s.id}/checkins`)
      .set(...w.auth)
      .send({ bookId: s.books[0].id, minutes: 30, note: note(), ...body });
  const me = async (w: Worker, s: SeasonView) =>
    (
      await request(t.http)
        .get(`/api/reading/seasons/${s.id}/me`)
        .set(...w.auth)
        .expect(200)
    ).body as MyReadingView;
  const feed = async (w: Worker, s: SeasonView, query = '') =>
    (
      await request(t.http)
        .get(`/api/reading/seasons/${s.id}/feed${query}`)
        .set(...w.auth)
        .expect(200)
    ).body as FeedPageView;
  const countCheckins = (seasonId: number, userId?: number) =>
    t.dataSource.getRepository(ReadingCheckin).countBy({ seasonId, ...(userId ? { userId } : {}) });

  describe('seasons', () => {
    it('staff create and publish a season; a worker finds it as the current one with its books', async () => {
      const s = await season({ audienceOrgId: street.id });
      expect(s).toMatchObject({
        status: 'published',
        audienceOrg: { id: street.id },
        badgeThresholds: [2, 3, 5],
      });
      expect(s.books.map((b) => b.title)).toEqual(['平凡的世界', '红岩']);

      const inside = await worker(community.id);
      const current = (
        await request(t.http)
          .get('/api/reading/seasons/current')
          .set(...inside.auth)
          .expect(200)
      ).body as CurrentSeasonView;
      expect(current.season?.id).toBeDefined();

      // Outside the audience: neither the current season nor its routes (404, not 403).
      const outside = await worker(otherStreet.id);
      const theirs = (
        await request(t.http)
          .get('/api/reading/seasons/current')
          .set(...outside.auth)
          .expect(200)
      ).body as CurrentSeasonView;
      expect(theirs.season?.id).not.toBe(s.id);
      await checkIn(outside, s).expect(404);
      await request(t.http)
        .get(`/api/reading/seasons/${s.id}/feed`)
        .set(...outside.auth)
        .expect(404);
    });

    it('refuses bad seasons with field errors and unknown fields', async () => {
      const bad = async (body: Record<string, unknown>, field: string) => {
        const res = await request(t.http)
          .post('/api/reading/seasons')
          .set(...bearer(admin))
          .send({
            theme: '读书季',
            description: '',
            startsOn: '2026-05-01',
            endsOn: '2026-06-01',
            books: [],
            minNoteLength: 10,
            makeUpAllowance: 1,
            badgeThresholds: [7, 21, 50],
            audienceOrgId: null,
            ownerOrgId: district.id,
            ...body,
          })
          .expect(400);
        const error = res.body as ErrorEnvelope;
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(JSON.stringify(error.details)).toContain(field);
      };
      await bad({ endsOn: '2026-04-01' }, 'endsOn');
      await bad({ startsOn: '2026-13-01' }, 'startsOn');
      await bad({ badgeThresholds: [21, 7] }, 'badgeThresholds');
      await bad({ isAdmin: true }, 'isAdmin');
      // A draft without books cannot be published.
      const draft = await season({ books: [] }, false);
      const res = await request(t.http)
        .post(`/api/reading/seasons/${draft.id}/publish`)
        .set(...bearer(admin))
        .expect(409);
      expect((res.body as ErrorEnvelope).message).toContain('推荐书目');
    });

    it('keeps staff to their subtree', async () => {
      const s = await season();
      const outsider = await loginWithRole(t, 'staff', otherStreet.id);
      await request(t.http)
        .get(`/api/reading/seasons/${s.id}`)
        .set(...bearer(outsider))
        .expect(404);
      await request(t.http)
        .patch(`/api/reading/seasons/${s.id}`)
        .set(...bearer(outsider))
        .send({ theme: '改名' })
        .expect(404);
      const w = await worker();
      await request(t.http)
        .get(`/api/reading/seasons/${s.id}`)
        .set(...w.auth)
        .expect(403);

      // Street staff aim seasons at their own subtree only: not at everyone, not at another street.
      const streetStaff = await loginWithRole(t, 'staff', street.id);
      const draft = (audienceOrgId: number | null) =>
        request(t.http)
          .post('/api/reading/seasons')
          .set(...bearer(streetStaff))
          .send({
            theme: '街道读书月',
            description: '',
            startsOn: '2026-12-01',
            endsOn: '2026-12-31',
            books: [],
            minNoteLength: 10,
            makeUpAllowance: 1,
            badgeThresholds: [7],
            audienceOrgId,
            ownerOrgId: street.id,
          });
      for (const audience of [null, otherStreet.id]) {
        const refused = await draft(audience).expect(400);
        expect(JSON.stringify(refused.body.details)).toContain('audienceOrgId');
      }
      await draft(community.id).expect(201);
    });
  });

  describe('check-ins', () => {
    it('counts 23:59:59 and 00:00:01 Shanghai time as two days and refuses a second check-in the same day', async () => {
      const s = await season();
      const w = await worker();
      const today = shanghaiDay(Date.now());
      const yesterday = shanghaiDay(Date.now() - 86400_000);
      now = at(yesterday, 23, 59, 59);
      const first = (await checkIn(w, s).expect(201)).body as CheckinResultView;
      expect(first.checkin).toMatchObject({ day: yesterday, makeUp: false, status: 'published' });
      expect(first.me).toMatchObject({ days: 1, currentStreak: 1, checkedInToday: true });

      now = at(today, 0, 0, 1);
      const second = (await checkIn(w, s).expect(201)).body as CheckinResultView;
      expect(second.checkin.day).toBe(today);
      expect(second.me).toMatchObject({ days: 2, currentStreak: 2, longestStreak: 2, minutes: 60 });
      expect(second.me.badges).toEqual([2]);
      expect(second.me.nextBadge).toBe(3);

      now = at(today, 23, 59, 59);
      const again = await checkIn(w, s).expect(409);
      expect(again.body).toMatchObject({ code: 'ALREADY_CHECKED_IN', message: '今天已经打卡了，明天再来吧' });
      expect(await countCheckins(s.id, w.id)).toBe(2);
    });

    it('lets one of many concurrent taps through', async () => {
      const s = await season();
      const w = await worker();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          checkIn(w, s, { note: `并发打卡的读后感，第${i}份不同的内容。` }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, ...Array<number>(19).fill(409)]);
      expect(await countCheckins(s.id, w.id)).toBe(1);
      expect(await me(w, s)).toMatchObject({ days: 1, currentStreak: 1 });
    });

    it('keeps streaks across a month end, breaks them on a missed day and mends them with a make-up', async () => {
      const s = await season({ startsOn: '2026-01-20', endsOn: '2026-02-28', makeUpAllowance: 1 });
      const w = await worker();
      for (const day of ['2026-01-30', '2026-01-31', '2026-02-01']) {
        now = at(day, 8);
        await checkIn(w, s).expect(201);
      }
      expect(await me(w, s)).toMatchObject({ days: 3, currentStreak: 3, longestStreak: 3 });

      // 2 February missed: on the 3rd the run starts again.
      now = at('2026-02-03', 21);
      expect(await me(w, s)).toMatchObject({ currentStreak: 0, longestStreak: 3, checkedInToday: false });
      const broken = (await checkIn(w, s).expect(201)).body as CheckinResultView;
      expect(broken.me).toMatchObject({ days: 4, currentStreak: 1, longestStreak: 3, makeUpsLeft: 1 });

      // The make-up for the 2nd joins both runs.
      const mended = (await checkIn(w, s, { date: '2026-02-02' }).expect(201)).body as CheckinResultView;
      expect(mended.checkin).toMatchObject({ day: '2026-02-02', makeUp: true });
      expect(mended.me).toMatchObject({ days: 5, currentStreak: 5, longestStreak: 5, makeUpsLeft: 0 });
      expect(mended.me.checkinDays).toEqual([
        '2026-01-30',
        '2026-01-31',
        '2026-02-01',
        '2026-02-02',
        '2026-02-03',
      ]);
      expect(mended.me.badges).toEqual([2, 3, 5]);
      expect(mended.me.nextBadge).toBeNull();

      // The allowance is spent.
      const spent = await checkIn(w, s, { date: '2026-01-29' }).expect(409);
      expect((spent.body as ErrorEnvelope).code).toBe('NO_MAKE_UPS_LEFT');
      expect(await countCheckins(s.id, w.id)).toBe(5);
    });

    it('refuses make-ups outside the season, in the future or for a day already checked in', async () => {
      const s = await season({ startsOn: '2026-03-01', endsOn: '2026-03-31', makeUpAllowance: 3 });
      const w = await worker();
      now = at('2026-03-10');
      await checkIn(w, s).expect(201);
      const before = await checkIn(w, s, { date: '2026-02-28' }).expect(400);
      expect(before.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '补卡日期须在读书季期间' });
      await checkIn(w, s, { date: '2026-03-11' }).expect(400);
      const taken = await checkIn(w, s, { date: '2026-03-10' }).expect(409);
      expect((taken.body as ErrorEnvelope).code).toBe('ALREADY_CHECKED_IN');
      // After the season: no check-in at all.
      now = at('2026-04-01');
      expect((await checkIn(w, s, { date: '2026-03-20' }).expect(409)).body).toMatchObject({
        code: 'SEASON_CLOSED',
      });
      now = at('2026-03-12');
      expect((await me(w, s)).makeUpsLeft).toBe(3);
    });

    it('spends make-ups exactly once under concurrent requests', async () => {
      const s = await season({ startsOn: '2026-03-01', endsOn: '2026-03-31', makeUpAllowance: 2 });
      const w = await worker();
      now = at('2026-03-20');
      const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07'];
      const results = await Promise.all(days.map((date) => checkIn(w, s, { date })));
      expect(results.filter((r) => r.status === 201)).toHaveLength(2);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'NO_MAKE_UPS_LEFT')).toBe(
        true,
      );
      expect(await countCheckins(s.id, w.id)).toBe(2);
      const standing = await t.dataSource
        .getRepository(ReadingParticipant)
        .findOneByOrFail({ seasonId: s.id, userId: w.id });
      expect(standing).toMatchObject({ makeUpsUsed: 2, days: 2 });
    });

    it('validates the body: book of this season, minutes, note length, unknown fields, photos of my own', async () => {
      const s = await season();
      const other = await season();
      const w = await worker();
      const field = async (body: Record<string, unknown>, name: string) => {
        const res = await checkIn(w, s, body).expect(400);
        expect((res.body as ErrorEnvelope).code).toBe('VALIDATION_FAILED');
        expect(JSON.stringify(res.body.details)).toContain(name);
      };
      await field({ bookId: other.books[0].id }, 'bookId');
      await field({ minutes: 0 }, 'minutes');
      await field({ minutes: 601 }, 'minutes');
      await field({ note: '太短了' }, 'note');
      await field({ note: ' '.repeat(20) }, 'note');
      await field({ score: 100 }, 'score');
      await field({ photoIds: Array.from({ length: 10 }, (_, i) => `photo${i}`) }, 'photoIds');
      await field({ photoIds: ['not-mine-at-all'] }, 'photoIds');
      await field({ date: '2026/03/01' }, 'date');
      expect(await countCheckins(s.id, w.id)).toBe(0);
    });
  });

  describe('content safety', () => {
    it('refuses a risky note and saves nothing', async () => {
      const s = await season();
      const w = await worker();
      const res = await checkIn(w, s, { note: '[risky]这是一段违规的读后感内容' }).expect(400);
      expect((res.body as ErrorEnvelope).code).toBe('CONTENT_RISKY');
      expect(await countCheckins(s.id, w.id)).toBe(0);
      expect((await me(w, s)).days).toBe(0);
    });

    it('keeps a note WeChat wants reviewed out of the feed until staff approve it; the day counts at once', async () => {
      const s = await season();
      const w = await worker();
      const reader = await worker(otherStreet.id);
      const held = (await checkIn(w, s, { note: '[review]需要人工审核的读后感内容' }).expect(201))
        .body as CheckinResultView;
      expect(held.checkin.status).toBe('pending');
      expect(held.me.days).toBe(1);
      expect((await feed(reader, s)).items.map((i) => i.id)).not.toContain(held.checkin.id);

      // The queue is oldest first and other suites leave items in it: look ours up by its subject.
      const item = await t.dataSource
        .getRepository(ModerationItem)
        .findOneBy({ subjectType: 'reading_checkin', subjectId: String(held.checkin.id), status: 'pending' });
      expect(item).toBeDefined();
      await request(t.http)
        .post(`/api/moderation/${item!.id}/approve`)
        .set(...bearer(admin))
        .expect(201);
      expect((await feed(reader, s)).items[0]).toMatchObject({
        id: held.checkin.id,
        note: held.checkin.note,
      });
    });

    it('publishes a note with photos once WeChat passes every photo; others then see the photos', async () => {
      const s = await season();
      const w = await worker();
      const upload = async () =>
        (
          await request(t.http)
            .post('/api/uploads')
            .set(...w.auth)
            .field('purpose', 'reading_photo')
            .attach('file', await testJpeg(), { filename: 'book.jpg', contentType: 'image/jpeg' })
            .expect(201)
        ).body as UploadView;
      const photos = [await upload(), await upload()];
      const reader = await worker(otherStreet.id);
      // Before the check-in is public, nobody else may open the photo.
      await request(t.http)
        .get(`/api/uploads/${photos[0].id}`)
        .set(...reader.auth)
        .expect(404);

      const posted = (await checkIn(w, s, { photoIds: photos.map((p) => p.id) }).expect(201))
        .body as CheckinResultView;
      expect(posted.checkin.status).toBe('pending');
      await t.fake.settled();
      const [item] = (await feed(reader, s)).items;
      expect(item).toMatchObject({ id: posted.checkin.id, mine: false, likedByMe: false });
      expect(item.photos.map((p) => p.id)).toEqual(photos.map((p) => p.id));
      expect((await fetch(item.photos[0].url)).status).toBe(200);
      await request(t.http)
        .get(`/api/uploads/${photos[0].id}`)
        .set(...reader.auth)
        .expect(200);
    });

    it('refuses the same note twice from one worker, whatever the spacing', async () => {
      const s = await season({ startsOn: '2026-03-01', endsOn: '2026-03-31' });
      const w = await worker();
      now = at('2026-03-05');
      await checkIn(w, s, { note: '书中自有黄金屋，书中自有颜如玉。' }).expect(201);
      now = at('2026-03-06');
      const res = await checkIn(w, s, { note: '书中自有黄金屋， 书中自有颜如玉。\n' }).expect(409);
      expect(res.body).toMatchObject({
        code: 'DUPLICATE_NOTE',
        message: '这篇读后感已经提交过了，请写下新的感想',
      });
      // Another worker may write the same words.
      await checkIn(await worker(), s, { note: '书中自有黄金屋，书中自有颜如玉。' }).expect(201);
    });
  });

  describe('feed and likes', () => {
    it('pages newest first with a cursor and shows names masked', async () => {
      const s = await season();
      const authors = await Promise.all([1, 2, 3, 4, 5].map((i) => worker(community.id, `张读者${i}`)));
      const ids: number[] = [];
      for (const a of authors)
        ids.push(((await checkIn(a, s).expect(201)).body as CheckinResultView).checkin.id);
      const first = await feed(authors[0], s, '?limit=2');
      expect(first.items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
      expect(first.items[0].author.name).not.toContain('读者5');
      const second = await feed(authors[0], s, `?limit=2&cursor=${first.nextCursor}`);
      expect(second.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
      const third = await feed(authors[0], s, `?limit=2&cursor=${second.nextCursor}`);
      expect(third.items.map((i) => i.id)).toEqual([ids[0]]);
      expect(third.items[0].mine).toBe(true);
      expect(third.nextCursor).toBeNull();
      await request(t.http)
        .get(`/api/reading/seasons/${s.id}/feed?cursor=abc`)
        .set(...authors[0].auth)
        .expect(400);
    });

    it('counts one like per worker however often it is sent, and unliking twice is harmless', async () => {
      const s = await season();
      const author = await worker();
      const fan = await worker(otherStreet.id);
      const id = ((await checkIn(author, s).expect(201)).body as CheckinResultView).checkin.id;
      const like = () =>
        request(t.http)
          .post(`/api/reading/checkins/${id}/like`)
          .set(...fan.auth);
      const results = await Promise.all([like(), like(), like(), like()]);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect((await like().expect(200)).body as LikeView).toEqual({ liked: true, likeCount: 1 });
      expect((await feed(fan, s)).items[0]).toMatchObject({ likeCount: 1, likedByMe: true });
      expect((await feed(author, s)).items[0]).toMatchObject({ likeCount: 1, likedByMe: false });
      const unlike = () =>
        request(t.http)
          .delete(`/api/reading/checkins/${id}/like`)
          .set(...fan.auth);
      expect((await unlike().expect(200)).body).toEqual({ liked: false, likeCount: 0 });
      expect((await unlike().expect(200)).body).toEqual({ liked: false, likeCount: 0 });
      await request(t.http)
        .post('/api/reading/checkins/999999999/like')
        .set(...fan.auth)
        .expect(404);

      // Many workers liking one note at once: every like counted, none lost.
      const fans = await Promise.all(Array.from({ length: 15 }, () => worker(otherStreet.id)));
      const rush = await Promise.all(
        fans.map((f) =>
          request(t.http)
            .post(`/api/reading/checkins/${id}/like`)
            .set(...f.auth),
        ),
      );
      expect(rush.every((r) => r.status === 200)).toBe(true);
      expect((await feed(author, s)).items[0].likeCount).toBe(15);
    });

    it('lets staff in scope hide a note: it vanishes from the feed, the day still counts, the author is told', async () => {
      const s = await season();
      const author = await worker();
      const id = ((await checkIn(author, s).expect(201)).body as CheckinResultView).checkin.id;
      const outsider = await loginWithRole(t, 'staff', otherStreet.id);
      await request(t.http)
        .post(`/api/reading/checkins/${id}/hide`)
        .set(...bearer(outsider))
        .send({ reason: '与读书无关' })
        .expect(404);
      const staff = await loginWithRole(t, 'staff', street.id);
      await request(t.http)
        .post(`/api/reading/checkins/${id}/hide`)
        .set(...bearer(staff))
        .send({ reason: '与读书无关' })
        .expect(204);
      expect((await feed(author, s)).items.map((i) => i.id)).not.toContain(id);
      expect((await me(author, s)).days).toBe(1);
      await request(t.http)
        .post(`/api/reading/checkins/${id}/like`)
        .set(...author.auth)
        .expect(404);
      await t.app.get(NotificationsService).drain();
      const inbox = (
        await request(t.http)
          .get('/api/notifications')
          .set(...author.auth)
          .expect(200)
      ).body as {
        items: { title: string; body: string }[];
      };
      expect(inbox.items[0]).toMatchObject({ title: '你的读后感已被隐藏' });
      expect(inbox.items[0].body).toContain('与读书无关');
    });
  });

  describe('rankings and exports', () => {
    it('ranks people by days then longest streak, with my own row however far down', async () => {
      const s = await season({ startsOn: '2026-03-01', endsOn: '2026-03-31', makeUpAllowance: 5 });
      const plan: Array<[string, string[]]> = [
        ['赵一', ['2026-03-01', '2026-03-02', '2026-03-03']],
        ['钱二', ['2026-03-01', '2026-03-03', '2026-03-05']],
        ['孙三', ['2026-03-01']],
        ['李四', ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']],
      ];
      const people: Worker[] = [];
      now = at('2026-03-05');
      for (const [name, days] of plan) {
        const w = await worker(community.id, name);
        people.push(w);
        for (const date of days) await checkIn(w, s, date === '2026-03-05' ? {} : { date }).expect(201);
      }
      const board = (
        await request(t.http)
          .get(`/api/reading/seasons/${s.id}/leaderboard?scope=person&limit=2`)
          .set(...people[2].auth)
          .expect(200)
      ).body as LeaderboardView<ReaderRankView>;
      expect(board.top.map((r) => [r.userId, r.days, r.longestStreak])).toEqual([
        [people[3].id, 4, 4],
        [people[0].id, 3, 3],
      ]);
      expect(board.me).toMatchObject({ rank: 4, userId: people[2].id, days: 1 });
      expect(board.top[0].name).not.toBe('李四');
    });

    it('rolls org rankings up the tree: participants, participation rate and minutes', async () => {
      const s = await season();
      const inCommunity = await Promise.all([1, 2].map(() => worker(community.id)));
      const inStreet = await worker(street.id);
      const inOther = await Promise.all([1, 2, 3].map(() => worker(otherStreet.id)));
      for (const w of [...inCommunity, inStreet]) await checkIn(w, s, { minutes: 20 }).expect(201);
      for (const w of inOther) await checkIn(w, s, { minutes: 50 }).expect(201);
      const board = (
        await request(t.http)
          .get(`/api/reading/seasons/${s.id}/leaderboard?scope=org&depth=1`)
          .set(...inCommunity[0].auth)
          .expect(200)
      ).body as LeaderboardView<ReadingOrgRankView>;
      const streetRow = board.top.find((r) => r.org.id === street.id)!;
      const otherRow = board.top.find((r) => r.org.id === otherStreet.id)!;
      // Street 甲 (10 members) holds its enterprise's two and its own one: 3 ÷ 10; 乙: 3 ÷ 40.
      expect(streetRow).toMatchObject({
        participants: 3,
        memberCount: 10,
        participationRate: 0.3,
        totalMinutes: 60,
      });
      expect(otherRow).toMatchObject({
        participants: 3,
        memberCount: 40,
        participationRate: 0.075,
        totalMinutes: 150,
      });
      expect(streetRow.rank).toBeLessThan(otherRow.rank);
      expect(board.me?.org.id).toBe(street.id);

      // One level down, the enterprise counts only its own two.
      const deeper = (
        await request(t.http)
          .get(`/api/reading/seasons/${s.id}/leaderboard?scope=org&depth=2`)
          .set(...inStreet.auth)
          .expect(200)
      ).body as LeaderboardView<ReadingOrgRankView>;
      expect(deeper.top.find((r) => r.org.id === community.id)).toMatchObject({
        participants: 2,
        participationRate: 0.4,
        totalMinutes: 40,
      });
      expect(deeper.me).toBeNull();

      // Staff export the same figures and every check-in.
      const orgsFile = await request(t.http)
        .get(`/api/reading/seasons/${s.id}/orgs.xlsx?depth=1`)
        .set(...bearer(admin))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(orgsFile.body as ExcelJS.Buffer);
      const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
      expect(rows.some((r) => r.includes(street.name) && r.includes(3) && r.includes(60))).toBe(true);
      const checkinsFile = await request(t.http)
        .get(`/api/reading/seasons/${s.id}/checkins.xlsx`)
        .set(...bearer(admin))
        .expect(200);
      expect(checkinsFile.headers['content-type']).toContain('spreadsheetml');
      await request(t.http)
        .get(`/api/reading/seasons/${s.id}/checkins.xlsx`)
        .set(...inStreet.auth)
        .expect(403);
    });

    it('draws a streak poster behind a signed URL only', async () => {
      const s = await season();
      const w = await worker();
      await checkIn(w, s).expect(201);
      const { posterUrl } = await me(w, s);
      const poster = await fetch(posterUrl);
      expect(poster.status).toBe(200);
      expect(poster.headers.get('content-type')).toBe('image/png');
      const forged = posterUrl.replace(/sig=[^&]+/, `sig=${'A'.repeat(43)}`);
      expect((await fetch(forged)).status).toBe(404);
      const otherUser = posterUrl.replace(`/${w.id}?`, `/${w.id + 1}?`);
      expect((await fetch(otherUser)).status).toBe(404);
    });
  });
});

describe('Content rate limit (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startListeningTestApp({ env: { RATE_LIMIT_CONTENT_PER_MINUTE: '2' } });
  });
  afterAll(() => t.close());

  it('answers 429 in the envelope once a worker posts more content than the limit, other writes unaffected', async () => {
    const users = t.dataSource.getRepository(User);
    const user = users.create({ openid: `limit-${randomUUID()}`, consentVersion: PRIVACY_POLICY_VERSION });
    await users.insert(user);
    const auth: [string, string] = [
      'Authorization',
      `Bearer ${t.app.get(AccessTokenService).sign(user.id, [])}`,
    ];
    const post = () =>
      request(t.http)
        .post('/api/legal/questions')
        .set(...auth)
        .send({
          category: 'other',
          title: '一个普通的问题',
          body: '想咨询一下加班费怎么计算才合法。',
          publicAllowed: false,
        });
    await post().expect(201);
    await post().expect(201);
    const limited = await post().expect(429);
    expect((limited.body as ErrorEnvelope).code).toBe('RATE_LIMITED');
    await request(t.http)
      .post('/api/reading/seasons/999999/checkins')
      .set(...auth)
      .send({})
      .expect(429);
    // A write that is not content still goes through.
    await request(t.http)
      .post('/api/me/consent')
      .set(...auth)
      .send({ version: PRIVACY_POLICY_VERSION })
      .expect(201);
  });
});
