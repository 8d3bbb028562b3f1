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

  it("refuses subscribe values WeChat's template rules refuse, and records each send", async () => {
    const { access_token: token } = (await fetch(`${base}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: 'wx1', secret: 's1' }),
    }).then((r) => r.json())) as { access_token: string };
    const send = (data: Record<string, string>) =>
      fetch(`${base}/cgi-bin/message/subscribe/send?access_token=${token}`, {
        method: 'POST',
        body: JSON.stringify({
          touser: 'o1',
          template_id: 't1',
          page: 'pages/home/index',
          data: Object.fromEntries(Object.entries(data).map(([k, value]) => [k, { value }])),
        }),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);

    const fine = { thing1: '夏送清凉礼包', character_string2: 'AB12CD34', phrase3: '已通过', time4: '2026/12/7 10:00' };
    expect(await send(fine)).toMatchObject({ errcode: 0 });
    expect(await send({ ...fine, thing1: '这是一个超过二十个字的福利名称，微信不会接受它的' })).toMatchObject({
      errcode: 47003,
      errmsg: expect.stringContaining('data.thing1'),
    });
    expect(await send({ ...fine, phrase3: '审核已经通过了' })).toMatchObject({ errcode: 47003 });
    expect(await send({ ...fine, time4: '明天' })).toMatchObject({ errcode: 47003 });
    expect(await send({ unknown1: 'x' })).toMatchObject({ errcode: 47003 });
    expect(fake.subscribeSends()).toHaveLength(5);
    expect(fake.subscribeSends()[0]).toEqual({ touser: 'o1', templateId: 't1', page: 'pages/home/index', data: fine });
  });
});
