import { createServer } from 'node:net';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app';

/**
 * A test app listening on a real loopback port, with the fake WeChat pushing its message events to it
 * and able to download its signed upload URLs — what media checks need.
 */
export async function startListeningTestApp(
  options: TestAppOptions = {},
): Promise<TestApp & { baseUrl: string }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await startTestApp({ ...options, env: { PUBLIC_BASE_URL: baseUrl, ...options.env } });
  await t.app.listen(port, '127.0.0.1');
  t.fake.pushUrl = `${baseUrl}/api/wechat/events`;
  return { ...t, baseUrl };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
