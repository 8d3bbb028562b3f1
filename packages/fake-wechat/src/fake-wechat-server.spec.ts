import { FakeWechatServer } from './fake-wechat-server';

describe(FakeWechatServer.name, () => {
  const fake = new FakeWechatServer({ appid: 'wx1', secret: 's1' });
  let base: string;
  beforeAll(async () => {
    base = await fake.listen();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const login = (code: string, secret = 's1') =>
    fetch(
      `${base}/sns/jscode2session?appid=wx1&secret=${secret}&js_code=${code}&grant_type=authorization_code`,
    ).then((r) => r.json() as Promise<Record<string, unknown>>);

  it('answers jscode2session like WeChat, and a code works only once', async () => {
    expect(await login('openid:abc:unionid:u1')).toMatchObject({
      openid: 'abc',
      unionid: 'u1',
      session_key: expect.any(String),
    });
    expect(await login('openid:abc:unionid:u1')).toMatchObject({ errcode: 40163 });
    expect(await login('whatever')).toMatchObject({ openid: FakeWechatServer.openidFor('whatever') });
    expect(await login('x', 'wrong')).toMatchObject({ errcode: 40125 });
  });

  it('plays scripted behaviours in order, then answers normally', async () => {
    fake.script('/sns/jscode2session', { errcode: -1 }, { errcode: 45011 });
    expect(await login('a')).toMatchObject({ errcode: -1 });
    expect(await login('b')).toMatchObject({ errcode: 45011 });
    expect(await login('c')).toHaveProperty('openid');
  });

  it('requires a valid access token for getuserphonenumber', async () => {
    const token = (await fetch(`${base}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: 'wx1', secret: 's1' }),
    }).then((r) => r.json())) as { access_token: string; expires_in: number };
    expect(token.expires_in).toBeGreaterThan(7000);
    const phone = (token: string) =>
      fetch(`${base}/wxa/business/getuserphonenumber?access_token=${token}`, {
        method: 'POST',
        body: JSON.stringify({ code: 'phone:13812345678' }),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect(await phone(token.access_token)).toMatchObject({
      errcode: 0,
      phone_info: { purePhoneNumber: '13812345678' },
    });
    expect(await phone('bogus')).toMatchObject({ errcode: 40001 });
  });
});
