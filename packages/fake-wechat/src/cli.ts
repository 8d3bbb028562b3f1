#!/usr/bin/env node
import { FakeWechatServer } from './fake-wechat-server';

const port = Number(process.env.FAKE_WECHAT_PORT ?? 9400);
const fake = new FakeWechatServer({
  appid: process.env.WECHAT_APPID,
  secret: process.env.WECHAT_SECRET,
  // Where the API receives WeChat's message pushes (media-check verdicts), e.g. http://127.0.0.1:3000/api/wechat/events
  pushUrl: process.env.FAKE_WECHAT_PUSH_URL,
  pushToken: process.env.WECHAT_PUSH_TOKEN,
});
fake.listen(port).then(
  (url) => console.log(JSON.stringify({ msg: 'fake WeChat listening', url, appid: fake.appid })),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void fake.close().then(() => process.exit(0)));
