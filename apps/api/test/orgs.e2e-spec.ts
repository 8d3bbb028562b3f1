import type { CreateOrgBody, ErrorEnvelope, OrgTreeNode, OrgView, Page } from '@jingcai/shared';
import request from 'supertest';
import { bearer, loginNewUser, loginWithRole, startTestApp, type TestApp } from './support/test-app';

describe('Orgs and staff scope (e2e)', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof loginWithRole>>;
  let district: OrgView;
  let streetA: OrgView;
  let streetB: OrgView;
  let enterpriseA: OrgView;
  let enterpriseB: OrgView;
  const tag = Date.now().toString(36);

  const create = async (body: CreateOrgBody) =>
    (
      await request(t.http)
        .post('/api/orgs')
        .set(...bearer(admin))
        .send(body)
        .expect(201)
    ).body as OrgView;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginWithRole(t, 'admin');
    district = await create({
      name: `测试区总工会${tag}`,
      kind: 'district',
      parentId: null,
      memberCount: 5000,
    });
    streetA = await create({
      name: `甲街道工会${tag}`,
      kind: 'street',
      parentId: district.id,
      memberCount: 800,
    });
    streetB = await create({ name: `乙街道工会${tag}`, kind: 'street', parentId: district.id });
    enterpriseA = await create({ name: `甲街道某公司工会${tag}`, kind: 'enterprise', parentId: streetA.id });
    enterpriseB = await create({ name: `乙街道某公司工会${tag}`, kind: 'enterprise', parentId: streetB.id });
  });
  afterAll(() => t.close());

  it('searches orgs by name and shows each one’s place in the tree', async () => {
    const worker = await loginNewUser(t);
    const page = (
      await request(t.http)
        .get('/api/orgs')
        .query({ q: `甲街道某公司工会${tag}` })
        .set(...bearer(worker))
        .expect(200)
    ).body as Page<OrgView>;
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id: enterpriseA.id,
      depth: 2,
      path: `测试区总工会${tag} / 甲街道工会${tag} / 甲街道某公司工会${tag}`,
    });
    // LIKE wildcards in the search text are literal.
    const wild = (
      await request(t.http)
        .get('/api/orgs')
        .query({ q: '%' })
        .set(...bearer(worker))
        .expect(200)
    ).body as Page<OrgView>;
    expect(wild.total).toBe(0);
  });

  it('lists children of a parent, paginated', async () => {
    const worker = await loginNewUser(t);
    const page = (
      await request(t.http)
        .get('/api/orgs')
        .query({ parentId: district.id, pageSize: 1, page: 2 })
        .set(...bearer(worker))
        .expect(200)
    ).body as Page<OrgView>;
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    await request(t.http)
      .get('/api/orgs')
      .query({ pageSize: 1000 })
      .set(...bearer(worker))
      .expect(400);
  });

  it('returns the tree with children nested', async () => {
    const worker = await loginNewUser(t);
    const roots = (
      await request(t.http)
        .get('/api/orgs/tree')
        .set(...bearer(worker))
        .expect(200)
    ).body as OrgTreeNode[];
    const root = roots.find((r) => r.id === district.id)!;
    expect(root.children.map((c) => c.id).sort()).toEqual([streetA.id, streetB.id].sort());
    expect(root.children.find((c) => c.id === streetA.id)!.children.map((c) => c.id)).toEqual([
      enterpriseA.id,
    ]);
  });

  it('lets staff manage their own subtree only', async () => {
    const staffA = await loginWithRole(t, 'staff', streetA.id);

    const renamed = await request(t.http)
      .patch(`/api/orgs/${enterpriseA.id}`)
      .set(...bearer(staffA))
      .send({ memberCount: 321 })
      .expect(200);
    expect((renamed.body as OrgView).memberCount).toBe(321);
    await request(t.http)
      .post('/api/orgs')
      .set(...bearer(staffA))
      .send({
        name: `甲街道新企业工会${tag}`,
        kind: 'enterprise',
        parentId: streetA.id,
      } satisfies CreateOrgBody)
      .expect(201);

    const other = await request(t.http)
      .patch(`/api/orgs/${enterpriseB.id}`)
      .set(...bearer(staffA))
      .send({ memberCount: 1 })
      .expect(403);
    expect((other.body as ErrorEnvelope).code).toBe('OUT_OF_SCOPE');
    await request(t.http)
      .patch(`/api/orgs/${streetB.id}`)
      .set(...bearer(staffA))
      .send({ name: '越权改名' })
      .expect(403);
    await request(t.http)
      .patch(`/api/orgs/${district.id}`)
      .set(...bearer(staffA))
      .send({ name: '越权改名' })
      .expect(403);
    await request(t.http)
      .post('/api/orgs')
      .set(...bearer(staffA))
      .send({ name: '越权新建', kind: 'enterprise', parentId: streetB.id } satisfies CreateOrgBody)
      .expect(403);
    await request(t.http)
      .post('/api/orgs')
      .set(...bearer(staffA))
      .send({ name: '越权顶级', kind: 'district', parentId: null } satisfies CreateOrgBody)
      .expect(403);

    const b = (
      await request(t.http)
        .get(`/api/orgs/${enterpriseB.id}`)
        .set(...bearer(admin))
        .expect(200)
    ).body as OrgView;
    expect(b.memberCount).toBe(0);
  });

  it('keeps workers out of management (role guard)', async () => {
    const worker = await loginNewUser(t);
    const res = await request(t.http)
      .post('/api/orgs')
      .set(...bearer(worker))
      .send({ name: '职工不能建', kind: 'enterprise', parentId: streetA.id } satisfies CreateOrgBody)
      .expect(403);
    expect((res.body as ErrorEnvelope).code).toBe('FORBIDDEN');
    await request(t.http)
      .patch(`/api/orgs/${enterpriseA.id}`)
      .set(...bearer(worker))
      .send({ memberCount: 2 })
      .expect(403);
  });

  it('validates input and answers 404 for unknown orgs', async () => {
    const bad = await request(t.http)
      .post('/api/orgs')
      .set(...bearer(admin))
      .send({ name: 'x', kind: 'bogus', parentId: district.id })
      .expect(400);
    expect(((bad.body as ErrorEnvelope).details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'kind',
      'name',
    ]);
    const missing = await request(t.http)
      .get('/api/orgs/99999999')
      .set(...bearer(admin))
      .expect(404);
    expect((missing.body as ErrorEnvelope).code).toBe('NOT_FOUND');
    await request(t.http)
      .get('/api/orgs/abc')
      .set(...bearer(admin))
      .expect(400);
  });

  it('lets an admin grant a staff role scoped to an org, and the new token carries it', async () => {
    const worker = await loginNewUser(t);
    await request(t.http)
      .post(`/api/admin/users/${worker.user.id}/roles`)
      .set(...bearer(admin))
      .send({ role: 'staff' })
      .expect(400);
    const grants = await request(t.http)
      .post(`/api/admin/users/${worker.user.id}/roles`)
      .set(...bearer(admin))
      .send({ role: 'staff', orgId: streetB.id })
      .expect(201);
    expect(grants.body).toEqual([{ role: 'staff', orgId: streetB.id }]);

    const refreshed = await request(t.http)
      .post('/api/auth/refresh')
      .send({ refreshToken: worker.refreshToken })
      .expect(200);
    await request(t.http)
      .patch(`/api/orgs/${enterpriseB.id}`)
      .set('Authorization', `Bearer ${(refreshed.body as { accessToken: string }).accessToken}`)
      .send({ memberCount: 77 })
      .expect(200);
  });
});
