import { randomUUID } from 'node:crypto';
import type {
  AuthResult,
  BenefitBody,
  BenefitView,
  ClaimView,
  ErrorEnvelope,
  OrgView,
  Page,
  RedemptionView,
  StationStatsView,
  StationView,
  WorkerBenefitView,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { AccessTokenService } from '../src/common/auth/access-token.service';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import { ClaimsService } from '../src/modules/care/claims.service';
import { newPickupCode } from '../src/modules/care/pickup-code';
import { Benefit } from '../src/modules/care/entities/benefit.entity';
import { User } from '../src/modules/users/entities/user.entity';
import { createOpenBenefit } from './support/care-fixtures';
import { bearer, loginWithRole, startTestApp, type TestApp, startSecondInstance, orgMaker } from './support/test-app';

type WorkerFixture = Partial<
  Pick<User, 'category' | 'categoryVerified' | 'gigVerified' | 'tags' | 'membership' | 'orgId' | 'realName'>
>;

describe('Care packages (e2e)', () => {
  // Two API instances on one database, as behind a load balancer.
  let a: TestApp;
  let b: TestApp;
  let admin: AuthResult;
  let district: OrgView;
  let street: OrgView;
  let otherStreet: OrgView;
  let station: StationView;
  let farStation: StationView;
  let otherStation: StationView;
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    a = await startTestApp();
    b = await startSecondInstance(a);
    admin = await loginWithRole(a, 'admin');
    const org = orgMaker(a, admin, tag);
    district = await org('关爱区', 'district', null);
    street = await org('关爱甲街道', 'street', district.id);
    otherStreet = await org('关爱乙街道', 'street', district.id);
    const newStation = async (name: string, orgId: number, latitude: number, longitude: number) =>
      (
        await request(a.http)
          .post('/api/care/stations')
          .set(...bearer(admin))
          .send({
            name: `${name}${tag}`,
            address: '京口区中山路 1 号',
            latitude,
            longitude,
            hours: '08:00-20:00',
            amenities: ['water', 'charging'],
            orgId,
          })
          .expect(201)
      ).body as StationView;
    station = await newStation('甲街道服务站', street.id, 32.2044, 119.455);
    farStation = await newStation('甲街道远端服务站', street.id, 32.25, 119.5);
    otherStation = await newStation('乙街道服务站', otherStreet.id, 32.19, 119.43);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /** Workers made straight in the database with signed tokens: hundreds are needed for the rushes. */
  async function workers(
    count: number,
    fixture: WorkerFixture = {},
  ): Promise<{ id: number; token: string }[]> {
    const users = a.dataSource.getRepository(User);
    const rows = Array.from({ length: count }, () =>
      users.create({
        openid: `care-${randomUUID()}`,
        realName: '孙磊',
        phoneCipher: a.app.get(PiiCipher).encrypt('13712345678'),
        ...fixture,
      }),
    );
    await users.insert(rows);
    const signer = a.app.get(AccessTokenService);
    return rows.map((u) => ({ id: u.id, token: signer.sign(u.id, []) }));
  }
  const asWorker = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];

  async function benefit(overrides: Partial<BenefitBody> = {}): Promise<BenefitView> {
    return createOpenBenefit(a, admin, {
      title: `暖新礼包${tag}`,
      description: '新就业形态劳动者暖心礼包：保温杯、防晒袖套、急救包。',
      stock: 10,
      stationIds: [station.id, farStation.id],
      ownerOrgId: street.id,
      ...overrides,
    });
  }
  const claim = (app: TestApp, token: string, benefitId: number, stationId = station.id) =>
    request(app.http)
      .post(`/api/care/benefits/${benefitId}/claims`)
      .set(...asWorker(token))
      .send({ stationId });
  const remaining = async (id: number) =>
    (await a.dataSource.getRepository(Benefit).findOneByOrFail({ id })).remainingStock;

  it('never oversells: 500 concurrent claims across two instances for stock 50 make exactly 50 claims', async () => {
    const pack = await benefit({ stock: 50 });
    const crowd = await workers(500);
    const results = await Promise.all(crowd.map((w, i) => claim(i % 2 ? b : a, w.token, pack.id)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 409)).toHaveLength(450);
    expect(results.find((r) => r.status === 409)!.body).toMatchObject({
      code: 'OUT_OF_STOCK',
      message: '手慢了，已经领完了',
    });
    expect(await remaining(pack.id)).toBe(0);
    const [{ count }] = await a.dataSource.query<{ count: string }[]>(
      'SELECT COUNT(*) AS count FROM care_claims WHERE benefit_id = ?',
      [pack.id],
    );
    expect(Number(count)).toBe(50);
    const codes = new Set(results.filter((r) => r.status === 201).map((r) => (r.body as ClaimView).code));
    expect(codes.size).toBe(50);
  });

  it('gives one worker one claim however often they tap: 30 concurrent claims → one claim, the rest return it with 200', async () => {
    const pack = await benefit({ stock: 5 });
    const [worker] = await workers(1);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => claim(i % 2 ? b : a, worker.token, pack.id)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(29);
    expect(new Set(results.map((r) => (r.body as ClaimView).claimId)).size).toBe(1);
    expect(await remaining(pack.id)).toBe(4);
  });

  it('hides a claim its instance abandoned before taking a pack; a retry finishes it, the sweep withdraws it', async () => {
    const pack = await benefit({ stock: 1 });
    const [worker, quitter, newcomer] = await workers(3);
    const staff = await loginWithRole(a, 'staff', street.id);
    // What an instance leaves if it stops between a claim's INSERT and the statement that takes its pack.
    const abandon = async (userId: number, ageMs: number) => {
      const code = newPickupCode();
      await a.dataSource.query(
        `INSERT INTO care_claims (benefit_id, user_id, station_id, code, status, active_key, expires_at, created_at)
         VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
        [
          pack.id,
          userId,
          station.id,
          code,
          `${pack.id}:${userId}`,
          new Date(pack.pickupDeadline),
          new Date(Date.now() - ageMs),
        ],
      );
      const [{ id }] = await a.dataSource.query<{ id: number }[]>(
        'SELECT id FROM care_claims WHERE code = ?',
        [code],
      );
      return { id, code };
    };
    const left = await abandon(worker.id, 1_000);

    const mine = await request(a.http)
      .get('/api/care/claims/mine')
      .set(...asWorker(worker.token))
      .expect(200);
    expect(mine.body).toEqual([]);
    for (const path of [`/api/care/claims/${left.id}`, `/api/care/claims/${left.id}/qrcode`])
      await request(a.http)
        .get(path)
        .set(...asWorker(worker.token))
        .expect(404);
    await request(a.http)
      .delete(`/api/care/claims/${left.id}`)
      .set(...asWorker(worker.token))
      .expect(404);
    await request(a.http)
      .post('/api/care/redemptions')
      .set(...bearer(staff))
      .send({ code: left.code })
      .expect(404);
    const stats = await request(a.http)
      .get(`/api/care/managed-benefits/${pack.id}/stats`)
      .set(...bearer(staff));
    expect(
      (stats.body as StationStatsView[]).every((s) => s.claimed + s.redeemed + s.cancelled + s.expired === 0),
    ).toBe(true);

    // The worker taps again (on the other instance): that try takes the pack for the claim already started.
    const retried = (await claim(b, worker.token, pack.id).expect(201)).body as ClaimView;
    expect(retried).toMatchObject({ claimId: left.id, code: left.code, status: 'claimed' });
    expect(await remaining(pack.id)).toBe(0);

    // One nobody retried holds no pack; the sweep withdraws it once it is a minute old, not before.
    const stale = await abandon(quitter.id, 120_000);
    const fresh = await abandon(newcomer.id, 1_000);
    await a.app.get(ClaimsService).sweep();
    const [{ count }] = await a.dataSource.query<{ count: string }[]>(
      'SELECT COUNT(*) AS count FROM care_claims WHERE code IN (?, ?)',
      [stale.code, fresh.code],
    );
    expect(Number(count)).toBe(1);
    await claim(a, newcomer.token, pack.id).expect(409);
    expect(await remaining(pack.id)).toBe(0);
  });

  it('withdraws a cut-off claim when its retry arrives after the sellout, and answers out of stock', async () => {
    const pack = await benefit({ stock: 1 });
    const [cutOff, rival] = await workers(2);
    // The worker's first try stopped between its INSERT and taking a pack (an instance killed, the database
    // restarted): its claim is pending and holds no pack.
    const code = newPickupCode();
    await a.dataSource.query(
      `INSERT INTO care_claims (benefit_id, user_id, station_id, code, status, active_key, expires_at)
       VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
      [pack.id, cutOff.id, station.id, code, `${pack.id}:${cutOff.id}`, new Date(pack.pickupDeadline)],
    );
    await claim(a, rival.token, pack.id).expect(201);
    expect(await remaining(pack.id)).toBe(0);

    const retried = await claim(b, cutOff.token, pack.id).expect(409);
    expect((retried.body as ErrorEnvelope).code).toBe('OUT_OF_STOCK');
    const [{ pending }] = await a.dataSource.query<{ pending: string }[]>(
      "SELECT COUNT(*) AS pending FROM care_claims WHERE benefit_id = ? AND status = 'pending'",
      [pack.id],
    );
    expect(Number(pending)).toBe(0);
    expect(await remaining(pack.id)).toBe(0);
  });

  it('redeems a code exactly once: 20 concurrent redemptions → one succeeds, the rest say when and by whom', async () => {
    const pack = await benefit();
    const [worker] = await workers(1);
    const { code } = (await claim(a, worker.token, pack.id).expect(201)).body as ClaimView;
    const staff = await loginWithRole(a, 'staff', street.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request((i % 2 ? b : a).http)
          .post('/api/care/redemptions')
          .set(...bearer(staff))
          .send({ code }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(19);
    expect((refused[0].body as ErrorEnvelope).code).toBe('ALREADY_REDEEMED');
    expect((refused[0].body as ErrorEnvelope).message).toMatch(/^已于 .+ 由 .+ 核销$/);
    const done = results.find((r) => r.status === 201)!.body as RedemptionView;
    expect(done).toMatchObject({
      workerName: '孙*',
      workerPhone: '137****5678',
      station: { id: station.id },
    });

    const mine = (
      await request(a.http)
        .get('/api/care/claims/mine')
        .set(...asWorker(worker.token))
        .expect(200)
    ).body as ClaimView[];
    expect(mine[0]).toMatchObject({ status: 'redeemed', redeemedAt: expect.any(String) });
    const today = (
      await request(a.http)
        .get('/api/care/redemptions/today')
        .set(...bearer(staff))
        .expect(200)
    ).body as RedemptionView[];
    expect(today.map((r) => r.claimId)).toContain(done.claimId);
  });

  it('accepts a typed code in any case with spaces, refuses unknown codes (404) and other orgs’ staff (403)', async () => {
    const pack = await benefit();
    const [worker] = await workers(1);
    const { code } = (await claim(a, worker.token, pack.id).expect(201)).body as ClaimView;
    const outsider = await loginWithRole(a, 'staff', otherStreet.id);
    const foreign = await request(a.http)
      .post('/api/care/redemptions')
      .set(...bearer(outsider))
      .send({ code })
      .expect(403);
    expect((foreign.body as ErrorEnvelope).code).toBe('OUT_OF_SCOPE');
    await request(a.http)
      .post('/api/care/redemptions')
      .set(...bearer(admin))
      .send({ code: 'ZZZZ2222' })
      .expect(404);
    await request(a.http)
      .post('/api/care/redemptions')
      .set(...bearer(admin))
      .send({ code: 'not a code!' })
      .expect(404);
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    const staff = await loginWithRole(a, 'staff', street.id);
    await request(a.http)
      .post('/api/care/redemptions')
      .set(...bearer(staff))
      .send({ code: typed })
      .expect(201);
    const [worker2] = await workers(1);
    await request(a.http)
      .post('/api/care/redemptions')
      .set(...asWorker(worker2.token))
      .send({ code })
      .expect(403);
  });

  it('refuses each eligibility rule with its reason, and lists benefits with eligibility', async () => {
    const strict = await benefit({
      eligibility: {
        categories: ['courier', 'delivery_rider'],
        gigVerifiedRequired: true,
        tags: ['high_temperature_post'],
        membersOnly: true,
        orgId: street.id,
      },
    });
    const inStreet = { orgId: street.id };
    const cases: [WorkerFixture, string][] = [
      [
        { ...inStreet, category: 'courier', gigVerified: true, tags: ['high_temperature_post'] },
        '仅限工会会员领取，请先申请入会',
      ],
      [
        {
          ...inStreet,
          membership: 'member',
          category: 'regular',
          gigVerified: true,
          tags: ['high_temperature_post'],
        },
        '仅限快递员、外卖骑手领取',
      ],
      [
        {
          ...inStreet,
          membership: 'member',
          // A category confirmed when staff approved the membership, but no gig verification.
          category: 'courier',
          categoryVerified: true,
          gigVerified: false,
          tags: ['high_temperature_post'],
        },
        '需完成新就业形态身份认证',
      ],
      [
        { ...inStreet, membership: 'member', category: 'courier', gigVerified: true, tags: [] },
        '仅限高温岗位职工领取',
      ],
      [
        {
          orgId: otherStreet.id,
          membership: 'member',
          category: 'courier',
          gigVerified: true,
          tags: ['high_temperature_post'],
        },
        `仅限关爱甲街道${tag}所属职工领取`,
      ],
    ];
    for (const [fixture, reason] of cases) {
      const [worker] = await workers(1, fixture);
      const res = await claim(a, worker.token, strict.id).expect(403);
      expect(res.body).toMatchObject({ code: 'NOT_ELIGIBLE', message: reason });
      const listed = (
        (
          await request(a.http)
            .get('/api/care/benefits')
            .set(...asWorker(worker.token))
            .expect(200)
        ).body as WorkerBenefitView[]
      ).find((x) => x.id === strict.id)!;
      expect(listed).toMatchObject({ eligible: false, ineligibleReason: reason });
    }
    const [ok] = await workers(1, {
      ...inStreet,
      membership: 'member',
      category: 'delivery_rider',
      gigVerified: true,
      tags: ['high_temperature_post'],
    });
    await claim(a, ok.token, strict.id).expect(201);
    const listed = (
      (
        await request(a.http)
          .get('/api/care/benefits')
          .set(...asWorker(ok.token))
          .expect(200)
      ).body as WorkerBenefitView[]
    ).find((x) => x.id === strict.id)!;
    expect(listed).toMatchObject({
      eligible: true,
      ineligibleReason: null,
      activeClaimId: expect.any(Number),
      claimsUsed: 1,
    });
    expect(await remaining(strict.id)).toBe(9);
  });

  it('refuses claims outside the window and at stations that do not hand the benefit out', async () => {
    const future = await benefit({
      claimStartsAt: new Date(Date.now() + 86400_000).toISOString(),
      claimEndsAt: new Date(Date.now() + 2 * 86400_000).toISOString(),
    });
    const [worker] = await workers(1);
    expect((await claim(a, worker.token, future.id).expect(409)).body).toMatchObject({
      code: 'CLAIM_CLOSED',
    });
    const open = await benefit();
    const wrong = await claim(a, worker.token, open.id, otherStation.id).expect(400);
    expect((wrong.body as ErrorEnvelope).details).toEqual([
      { field: 'stationId', message: expect.any(String) },
    ]);
    await claim(a, worker.token, 99999999).expect(404);
    await request(a.http)
      .post(`/api/care/benefits/${open.id}/claims`)
      .set(...asWorker(worker.token))
      .send({ stationId: 'x' })
      .expect(400);
  });

  it('returns the stock on cancel, and a cancelled claim can be claimed again', async () => {
    const pack = await benefit({ stock: 1 });
    const [worker, other] = await workers(2);
    const first = (await claim(a, worker.token, pack.id).expect(201)).body as ClaimView;
    await claim(a, other.token, pack.id).expect(409);
    const cancelled = (
      await request(a.http)
        .delete(`/api/care/claims/${first.claimId}`)
        .set(...asWorker(worker.token))
        // As wx.request sends it: labelled JSON, with no body.
        .set('Content-Type', 'application/json')
        .expect(200)
    ).body as ClaimView;
    expect(cancelled.status).toBe('cancelled');
    expect(await remaining(pack.id)).toBe(1);
    await request(a.http)
      .delete(`/api/care/claims/${first.claimId}`)
      .set(...asWorker(worker.token))
      .expect(409);
    await claim(a, other.token, pack.id).expect(201);
    expect(await remaining(pack.id)).toBe(0);
  });

  it('expires unredeemed claims after the deadline and returns their stock, once, even with two sweeps at once', async () => {
    const pack = await benefit({ stock: 3 });
    const crowd = await workers(3);
    for (const w of crowd) await claim(a, w.token, pack.id).expect(201);
    expect(await remaining(pack.id)).toBe(0);
    const afterDeadline = new Date(Date.parse(pack.pickupDeadline) + 1000);
    const [first, second] = await Promise.all([
      a.app.get(ClaimsService).sweep(afterDeadline),
      b.app.get(ClaimsService).sweep(afterDeadline),
    ]);
    expect(first.expired + second.expired).toBeGreaterThanOrEqual(3); // other specs' claims may expire too
    expect(await remaining(pack.id)).toBe(3);
    const again = await a.app.get(ClaimsService).sweep(afterDeadline);
    expect(await remaining(pack.id)).toBe(3);
    expect(again.expired).toBe(0);
    const mine = (
      await request(a.http)
        .get('/api/care/claims/mine')
        .set(...asWorker(crowd[0].token))
        .expect(200)
    ).body as ClaimView[];
    expect(mine[0].status).toBe('expired');
  });

  it('reminds a worker once, a day before the deadline', async () => {
    const pack = await benefit({ pickupDeadline: new Date(Date.now() + 2 * 3600_000).toISOString() });
    const [worker] = await workers(1);
    await claim(a, worker.token, pack.id).expect(201);
    const sweeps = await Promise.all([a.app.get(ClaimsService).sweep(), b.app.get(ClaimsService).sweep()]);
    expect(sweeps.reduce((n, s) => n + s.reminded, 0)).toBeGreaterThanOrEqual(1);
    const [{ count }] = await a.dataSource.query<{ count: string }[]>(
      "SELECT COUNT(*) AS count FROM notifications WHERE user_id = ? AND kind = 'claim_expiring'",
      [worker.id],
    );
    expect(Number(count)).toBe(1);
  });

  it("keeps a worker out of another worker's claim and QR code", async () => {
    const pack = await benefit();
    const [owner, stranger] = await workers(2);
    const mine = (await claim(a, owner.token, pack.id).expect(201)).body as ClaimView;
    await request(a.http)
      .get(`/api/care/claims/${mine.claimId}`)
      .set(...asWorker(stranger.token))
      .expect(404);
    await request(a.http)
      .get(`/api/care/claims/${mine.claimId}/qrcode`)
      .set(...asWorker(stranger.token))
      .expect(404);
    await request(a.http)
      .delete(`/api/care/claims/${mine.claimId}`)
      .set(...asWorker(stranger.token))
      .expect(404);

    const qr = await request(a.http)
      .get(`/api/care/claims/${mine.claimId}/qrcode`)
      .set(...asWorker(owner.token))
      .expect(200);
    expect(qr.headers['content-type']).toBe('image/png');
    expect(qr.headers['x-qr-kind']).toBe('wxacode');
    const plain = await request(a.http)
      .get(`/api/care/claims/${mine.claimId}/qrcode?platform=h5`)
      .set(...asWorker(owner.token))
      .expect(200);
    expect(plain.headers['x-qr-kind']).toBe('qr');
  });

  it('tops up and withdraws stock, never below what is claimed, and reports per-station figures', async () => {
    const pack = await benefit({ stock: 2 });
    const [w1, w2] = await workers(2);
    await claim(a, w1.token, pack.id, station.id).expect(201);
    await claim(a, w2.token, pack.id, farStation.id).expect(201);
    const staff = await loginWithRole(a, 'staff', street.id);
    const withdraw = await request(a.http)
      .post(`/api/care/benefits/${pack.id}/stock`)
      .set(...bearer(staff))
      .send({ delta: -1 })
      .expect(409);
    expect((withdraw.body as ErrorEnvelope).message).toContain('剩余库存');
    const topped = (
      await request(a.http)
        .post(`/api/care/benefits/${pack.id}/stock`)
        .set(...bearer(staff))
        .send({ delta: 5 })
        .expect(201)
    ).body as BenefitView;
    expect(topped).toMatchObject({ totalStock: 7, remainingStock: 5 });
    await request(a.http)
      .post(`/api/care/benefits/${pack.id}/stock`)
      .set(...bearer(staff))
      .send({ delta: 0 })
      .expect(400);

    const stats = (
      await request(a.http)
        .get(`/api/care/managed-benefits/${pack.id}/stats`)
        .set(...bearer(staff))
        .expect(200)
    ).body as StationStatsView[];
    expect(stats).toEqual([
      { station: { id: station.id, name: station.name }, claimed: 1, redeemed: 0, cancelled: 0, expired: 0 },
      {
        station: { id: farStation.id, name: farStation.name },
        claimed: 1,
        redeemed: 0,
        cancelled: 0,
        expired: 0,
      },
    ]);
    const outsider = await loginWithRole(a, 'staff', otherStreet.id);
    await request(a.http)
      .get(`/api/care/managed-benefits/${pack.id}/stats`)
      .set(...bearer(outsider))
      .expect(404);
    await request(a.http)
      .post(`/api/care/benefits/${pack.id}/stock`)
      .set(...bearer(outsider))
      .send({ delta: 1 })
      .expect(404);
    const [w3] = await workers(1);
    await request(a.http)
      .post(`/api/care/benefits/${pack.id}/stock`)
      .set(...asWorker(w3.token))
      .send({ delta: 1 })
      .expect(403);
  });

  it('validates benefits: unknown fields, bad dates, unknown stations, out-of-scope owner', async () => {
    const staff = await loginWithRole(a, 'staff', street.id);
    const base = (
      await request(a.http)
        .get(`/api/care/managed-benefits/${(await benefit()).id}`)
        .set(...bearer(staff))
        .expect(200)
    ).body as BenefitView;
    const send = (body: object) =>
      request(a.http)
        .post('/api/care/benefits')
        .set(...bearer(staff))
        .send(body);
    const valid: BenefitBody = {
      title: '夏送清凉',
      description: '高温岗位职工防暑降温物资。',
      kind: 'pack',
      stock: 600,
      perPersonLimit: 1,
      claimStartsAt: base.claimStartsAt,
      claimEndsAt: base.claimEndsAt,
      pickupDeadline: base.pickupDeadline,
      eligibility: {
        categories: [],
        gigVerifiedRequired: false,
        tags: ['high_temperature_post'],
        membersOnly: false,
        orgId: street.id,
      },
      stationIds: [station.id],
      ownerOrgId: street.id,
    };
    expect(((await send({ ...valid, secret: 1 }).expect(400)).body as ErrorEnvelope).details).toEqual([
      { field: 'secret', message: '不允许提交该字段' },
    ]);
    await send({ ...valid, claimEndsAt: valid.claimStartsAt }).expect(400);
    await send({ ...valid, stationIds: [99999999] }).expect(400);
    await send({ ...valid, stock: -5 }).expect(400);
    await send({ ...valid, eligibility: { ...valid.eligibility, categories: ['astronaut'] } }).expect(400);
    await send({ ...valid, ownerOrgId: otherStreet.id }).expect(403);
    // Street staff aim a benefit at their own subtree: not at everyone, not at another street.
    for (const orgId of [null, otherStreet.id]) {
      const refused = await send({ ...valid, eligibility: { ...valid.eligibility, orgId } }).expect(400);
      expect(JSON.stringify((refused.body as ErrorEnvelope).details)).toContain('eligibility.orgId');
    }
    await send(valid).expect(201);
  });

  it('exports every claim of a benefit for staff in scope, names in full and phones masked', async () => {
    const pack = await benefit({ stock: 5 });
    const [first, second] = await workers(2, { realName: '钱多多' });
    await claim(a, first.token, pack.id).expect(201);
    await claim(b, second.token, pack.id).expect(201);
    const exported = await request(a.http)
      .get(`/api/care/benefits/${pack.id}/claims.xlsx`)
      .set(...bearer(admin))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(exported.headers['content-disposition']).toContain(`benefit-${pack.id}-claims.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.body as ExcelJS.Buffer);
    const rows = (book.worksheets[0].getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    expect(rows[0]).toEqual(['领取码', '职工', '手机号', '服务站', '状态', '领取时间', '核销时间']);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual(expect.arrayContaining(['钱多多', '137****5678', station.name, '待领取']));
    expect(JSON.stringify(rows)).not.toContain('13712345678');
    const outsider = await loginWithRole(a, 'staff', otherStreet.id);
    await request(a.http)
      .get(`/api/care/benefits/${pack.id}/claims.xlsx`)
      .set(...bearer(outsider))
      .expect(404);
  });

  it('lists stations nearest first with the distance', async () => {
    const [worker] = await workers(1);
    const page = (
      await request(a.http)
        .get('/api/care/stations')
        .query({ lat: 32.2045, lng: 119.4551, pageSize: 100 })
        .set(...asWorker(worker.token))
        .expect(200)
    ).body as Page<StationView>;
    const ours = page.items.filter((s) => [station.id, farStation.id, otherStation.id].includes(s.id));
    expect(ours.map((s) => s.id)).toEqual([station.id, otherStation.id, farStation.id]);
    expect(ours[0].distanceMeters).toBeLessThan(50);
    await request(a.http)
      .get('/api/care/stations')
      .query({ lat: 123 })
      .set(...asWorker(worker.token))
      .expect(400);
  });
});
