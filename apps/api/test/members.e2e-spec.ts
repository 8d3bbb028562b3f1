import { randomUUID } from 'node:crypto';
import type { AuthResult, ErrorEnvelope, MemberView, OrgView, Page } from '@jingcai/shared';
import request from 'supertest';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import { User } from '../src/modules/users/entities/user.entity';
import { bearer, loginNewUser, loginWithRole, startTestApp, type TestApp, orgMaker } from './support/test-app';

describe('Member directory (e2e)', () => {
  let t: TestApp;
  let admin: AuthResult;
  let street: OrgView;
  let enterprise: OrgView;
  let otherStreet: OrgView;
  let staff: AuthResult;
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginWithRole(t, 'admin');
    const org = orgMaker(t, admin, tag);
    const district = await org('名册区', 'district', null);
    street = await org('名册甲街道', 'street', district.id);
    enterprise = await org('名册甲企业', 'enterprise', street.id);
    otherStreet = await org('名册乙街道', 'street', district.id);
    staff = await loginWithRole(t, 'staff', street.id);
  });
  afterAll(() => t.close());

  async function member(
    realName: string,
    orgId: number,
    phone: string,
    fields: Partial<User> = {},
  ): Promise<number> {
    const cipher = t.app.get(PiiCipher);
    const users = t.dataSource.getRepository(User);
    const user = users.create({
      openid: `member-${randomUUID()}`,
      realName,
      orgId,
      phoneCipher: cipher.encrypt(phone),
      phoneHash: cipher.lookupHash(phone),
      ...fields,
    });
    await users.insert(user);
    return user.id;
  }
  const search = async (auth: AuthResult, query: string) =>
    (
      (
        await request(t.http)
          .get(`/api/members?${query}`)
          .set(...bearer(auth))
          .expect(200)
      ).body as Page<MemberView>
    ).items;

  it('finds the workers of my subtree by name or full phone, by tag and category, with phones masked', async () => {
    const rider = await member(`骑手${tag}`, enterprise.id, '13811112222', {
      category: 'delivery_rider',
      tags: ['high_temperature_post'],
    });
    const model = await member(`劳模${tag}`, street.id, '13833334444', {
      tags: ['model_worker', 'high_temperature_post'],
    });
    const elsewhere = await member(`外街${tag}`, otherStreet.id, '13855556666');

    const mine = await search(staff, `q=${encodeURIComponent(tag)}`);
    expect(mine.map((m) => m.id).sort()).toEqual([rider, model].sort());
    expect(mine.find((m) => m.id === rider)).toMatchObject({
      phone: '138****2222',
      org: { id: enterprise.id },
    });
    expect(JSON.stringify(mine)).not.toContain('13811112222');

    expect((await search(staff, 'q=13833334444')).map((m) => m.id)).toEqual([model]);
    expect((await search(staff, 'q=13855556666')).map((m) => m.id)).toEqual([]);
    const hot = await search(staff, `q=${encodeURIComponent(tag)}&tag=high_temperature_post`);
    expect(hot.map((m) => m.id).sort()).toEqual([rider, model].sort());
    expect((await search(staff, `q=${encodeURIComponent(tag)}&tag=model_worker`)).map((m) => m.id)).toEqual([
      model,
    ]);
    expect(
      (await search(staff, `q=${encodeURIComponent(tag)}&category=delivery_rider`)).map((m) => m.id),
    ).toEqual([rider]);
    expect(
      (await search(staff, `orgId=${enterprise.id}&q=${encodeURIComponent(tag)}`)).map((m) => m.id),
    ).toEqual([rider]);

    // Another street is neither listed nor reachable through a filter; admins see everyone.
    const refused = await request(t.http)
      .get(`/api/members?orgId=${otherStreet.id}`)
      .set(...bearer(staff))
      .expect(400);
    expect((refused.body as ErrorEnvelope).code).toBe('VALIDATION_FAILED');
    expect((await search(admin, `q=${encodeURIComponent(tag)}`)).map((m) => m.id)).toContain(elsewhere);
    const worker = await loginNewUser(t);
    await request(t.http)
      .get('/api/members')
      .set(...bearer(worker))
      .expect(403);
  });

  it('sets tags for workers in scope only, and refuses unknown tags', async () => {
    const id = await member(`标签${tag}`, enterprise.id, '13877778888');
    const tagged = (
      await request(t.http)
        .put(`/api/members/${id}/tags`)
        .set(...bearer(staff))
        .send({ tags: ['model_worker', 'model_worker', 'hardship_family'] })
        .expect(200)
    ).body as MemberView;
    expect(tagged.tags.sort()).toEqual(['hardship_family', 'model_worker']);
    await request(t.http)
      .put(`/api/members/${id}/tags`)
      .set(...bearer(staff))
      .send({ tags: ['vip'] })
      .expect(400);
    const outsider = await loginWithRole(t, 'staff', otherStreet.id);
    await request(t.http)
      .put(`/api/members/${id}/tags`)
      .set(...bearer(outsider))
      .send({ tags: [] })
      .expect(404);
    expect((await search(staff, `q=${encodeURIComponent(`标签${tag}`)}`))[0].tags.sort()).toEqual([
      'hardship_family',
      'model_worker',
    ]);
  });
});
