import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { invalidSubscribeField } from './subscribe-data';

/**
 * What the next call to an endpoint should do instead of answering normally. Queued per path and consumed
 * in order, so a test can say "answer -1 once, then succeed".
 */
export type Behaviour =
  { errcode: number; errmsg?: string } | { malformed: true } | { delayMs: number } | { status: number };

export interface RecordedCall {
  path: string;
  query: Record<string, string>;
  body: unknown;
  at: number;
}

/** One subscribe message as the API sent it. */
export interface SubscribeSend {
  touser: string;
  templateId: string;
  page: string | null;
  data: Record<string, string>;
}

export interface FakeWechatOptions {
  appid?: string;
  secret?: string;
  /** Seconds a stable_token lives. WeChat says 7200. */
  tokenTtl?: number;
  /** Where media-check verdicts are pushed (the API's message-push URL), and the token that signs them. */
  pushUrl?: string;
  pushToken?: string;
}

/** A media-check verdict the fake pushed to the API, and how the API answered. */
export interface PushedVerdict {
  traceId: string;
  suggest: Suggest;
  status: number;
}

/** A 1×1 PNG: what getwxacodeunlimit answers with (WeChat sends the real code image). */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The WeChat endpoints this fake answers, and so the ones a test can script. */
export type WechatPath =
  | '/sns/jscode2session'
  | '/cgi-bin/stable_token'
  | '/wxa/business/getuserphonenumber'
  | '/wxa/msg_sec_check'
  | '/wxa/media_check_async'
  | '/cgi-bin/message/subscribe/send'
  | '/wxa/getwxacodeunlimit';

export type Suggest = 'pass' | 'review' | 'risky';

/**
 * A local stand-in for api.weixin.qq.com that speaks the same protocol: same paths, same query/body
 * parameters, same `{errcode, errmsg}` failures (WeChat answers errors with HTTP 200). Codes are
 * deterministic so tests can predict identities: `js_code=openid:abc` logs in as openid `abc`
 * (`openid:abc:unionid:u1` adds a unionid); any other code maps to a stable hashed openid.
 * `getuserphonenumber` takes `code=phone:13812345678`.
 */
export class FakeWechatServer {
  readonly appid: string;
  readonly secret: string;
  private readonly tokenTtl: number;
  private server?: Server;
  /** Set once listening, e.g. `http://127.0.0.1:40123`. */
  baseUrl?: string;
  private readonly scripts = new Map<string, Behaviour[]>();
  private readonly usedCodes = new Set<string>();
  private readonly tokens = new Map<string, number>();
  private currentToken?: { token: string; expiresAt: number };
  readonly calls: RecordedCall[] = [];
  /** Every session_key handed out, so tests can prove none of them leaks into responses or logs. */
  readonly issuedSessionKeys: string[] = [];
  pushUrl?: string;
  pushToken: string;
  /** Verdicts for the next media checks, in order; `pass` once empty. */
  readonly mediaVerdicts: Suggest[] = [];
  readonly pushedVerdicts: PushedVerdict[] = [];
  private readonly pushes = new Set<Promise<void>>();
  /** While set, verdicts wait for it before they are pushed (see `holdPushes`). */
  private pushGate: Promise<void> | null = null;

  constructor(options: FakeWechatOptions = {}) {
    this.appid = options.appid ?? 'wx-fake-appid';
    this.secret = options.secret ?? 'fake-secret';
    this.tokenTtl = options.tokenTtl ?? 7200;
    this.pushUrl = options.pushUrl;
    this.pushToken = options.pushToken ?? 'jingcai-dev-push-token';
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const { port: bound } = this.server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${bound}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    await this.settled();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Queue behaviours for the next calls to `path` (e.g. `/sns/jscode2session`). */
  script(path: WechatPath, ...behaviours: Behaviour[]): void {
    this.scripts.set(path, [...(this.scripts.get(path) ?? []), ...behaviours]);
  }

  /** Resolves once every media-check verdict under way has been pushed. */
  async settled(): Promise<void> {
    while (this.pushes.size) await Promise.all([...this.pushes]);
  }

  /**
   * Holds media-check verdicts back until the returned function is called, so a test can see a photo under
   * review before WeChat answers: pushed "at once", a verdict could otherwise beat the API's own response.
   */
  holdPushes(): () => void {
    let release!: () => void;
    this.pushGate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.pushGate = null;
      release();
    };
  }

  reset(): void {
    this.mediaVerdicts.length = 0;
    this.pushedVerdicts.length = 0;
    this.scripts.clear();
    this.calls.length = 0;
    this.usedCodes.clear();
  }

  callsTo(path: string): RecordedCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  /** Subscribe messages the API asked to send, with their values unwrapped (refused ones included). */
  subscribeSends(): SubscribeSend[] {
    return this.callsTo('/cgi-bin/message/subscribe/send').map(({ body }) => {
      const b = body as { touser: string; template_id: string; page?: string; data: Record<string, { value: string }> };
      const data = Object.fromEntries(Object.entries(b.data ?? {}).map(([key, field]) => [key, field?.value]));
      return { touser: b.touser, templateId: b.template_id, page: b.page ?? null, data };
    });
  }

  /** The openid the fake derives from a login code, so tests can predict it. */
  static openidFor(code: string): string {
    const match = /^openid:([^:]+)/.exec(code);
    if (match) return match[1];
    return 'o' + createHash('sha256').update(code).digest('base64url').slice(0, 27);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    const body = await readJson(req);
    this.calls.push({ path: url.pathname, query, body, at: Date.now() });

    if (url.pathname.startsWith('/__fake/')) return this.control(url.pathname, body, res);

    const behaviour = this.scripts.get(url.pathname)?.shift();
    if (behaviour && 'delayMs' in behaviour) await sleep(behaviour.delayMs);
    if (behaviour && 'malformed' in behaviour) return send(res, 200, '{"errcode":0,"openid":', 'text/plain');
    if (behaviour && 'status' in behaviour)
      return send(res, behaviour.status, '<html>bad gateway</html>', 'text/html');
    if (behaviour && 'reply' in behaviour) return sendJson(res, behaviour.reply);
    if (behaviour && 'errcode' in behaviour) {
      return sendJson(res, {
        errcode: behaviour.errcode,
        errmsg: behaviour.errmsg ?? `fake error ${behaviour.errcode}`,
      });
    }

    switch (url.pathname) {
      case '/sns/jscode2session':
        return sendJson(res, this.jscode2session(query));
      case '/cgi-bin/stable_token':
        return sendJson(res, this.stableToken(body));
      case '/wxa/business/getuserphonenumber':
        return sendJson(res, this.phoneNumber(query, body));
      case '/wxa/msg_sec_check':
        return sendJson(res, this.msgSecCheck(query, body));
      case '/wxa/media_check_async':
        return sendJson(res, this.mediaCheckAsync(query, body));
      case '/cgi-bin/message/subscribe/send':
        return sendJson(res, this.subscribeSend(query, body));
      case '/wxa/getwxacodeunlimit': {
        const reply = this.qrCode(query, body);
        if (reply) return sendJson(res, reply);
        res.writeHead(200, { 'content-type': 'image/png' });
        return void res.end(TINY_PNG);
      }
      default:
        return sendJson(res, { errcode: 404, errmsg: 'not found' }, 404);
    }
  }

  private jscode2session(q: Record<string, string>): object {
    if (q.appid !== this.appid || q.secret !== this.secret)
      return { errcode: 40125, errmsg: 'invalid appsecret' };
    if (q.grant_type !== 'authorization_code') return { errcode: 40002, errmsg: 'invalid grant_type' };
    const code = q.js_code ?? '';
    if (!code || code === 'invalid') return { errcode: 40029, errmsg: 'invalid code' };
    // A code is single-use at WeChat too.
    if (this.usedCodes.has(code)) return { errcode: 40163, errmsg: 'code been used' };
    this.usedCodes.add(code);
    const unionid = /:unionid:([^:]+)/.exec(code)?.[1];
    const sessionKey = randomBytes(16).toString('base64');
    this.issuedSessionKeys.push(sessionKey);
    return {
      openid: FakeWechatServer.openidFor(code),
      session_key: sessionKey,
      ...(unionid ? { unionid } : {}),
    };
  }

  private stableToken(body: unknown): object {
    const b = (body ?? {}) as Record<string, unknown>;
    if (b.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    if (b.appid !== this.appid || b.secret !== this.secret)
      return { errcode: 40125, errmsg: 'invalid appsecret' };
    const now = Date.now();
    // Like WeChat's stable_token: the same token until it expires, unless force_refresh.
    if (!this.currentToken || this.currentToken.expiresAt <= now || b.force_refresh === true) {
      const token = 'ACCESS_' + randomBytes(24).toString('hex');
      this.currentToken = { token, expiresAt: now + this.tokenTtl * 1000 };
      this.tokens.set(token, this.currentToken.expiresAt);
    }
    return {
      access_token: this.currentToken.token,
      expires_in: Math.round((this.currentToken.expiresAt - now) / 1000),
    };
  }

  private checkToken(q: Record<string, string>): object | null {
    const expiresAt = this.tokens.get(q.access_token ?? '');
    if (expiresAt === undefined)
      return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid' };
    if (expiresAt <= Date.now()) return { errcode: 42001, errmsg: 'access_token expired' };
    return null;
  }

  /** Makes every token issued so far invalid, as a secret reset at WeChat would. */
  revokeTokens(): void {
    this.tokens.clear();
    this.currentToken = undefined;
  }

  private phoneNumber(q: Record<string, string>, body: unknown): object {
    const tokenError = this.checkToken(q);
    if (tokenError) return tokenError;
    const code = (body as { code?: unknown } | null)?.code;
    const match = typeof code === 'string' ? /^phone:(\d{11})$/.exec(code) : null;
    if (!match) return { errcode: 40029, errmsg: 'invalid code' };
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: match[1],
        purePhoneNumber: match[1],
        countryCode: '86',
        watermark: { timestamp: Math.floor(Date.now() / 1000), appid: this.appid },
      },
    };
  }

  /**
   * msg_sec_check v2. The verdict follows markers in the text so demos and tests can choose it:
   * `[risky]` → risky, `[review]` → review, anything else → pass.
   */
  private msgSecCheck(q: Record<string, string>, body: unknown): object {
    const tokenError = this.checkToken(q);
    if (tokenError) return tokenError;
    const b = (body ?? {}) as Record<string, unknown>;
    if (
      b.version !== 2 ||
      typeof b.content !== 'string' ||
      typeof b.openid !== 'string' ||
      ![1, 2, 3, 4].includes(Number(b.scene))
    ) {
      return { errcode: 47001, errmsg: 'data format error' };
    }
    const suggest: Suggest = b.content.includes('[risky]')
      ? 'risky'
      : b.content.includes('[review]')
        ? 'review'
        : 'pass';
    const label = suggest === 'pass' ? 100 : 20001;
    return {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
      trace_id: randomBytes(12).toString('hex'),
    };
  }

  /** Accepts the image, then (like WeChat, within minutes; here at once) downloads it and pushes the verdict. */
  private mediaCheckAsync(q: Record<string, string>, body: unknown): object {
    const tokenError = this.checkToken(q);
    if (tokenError) return tokenError;
    const b = (body ?? {}) as Record<string, unknown>;
    if (
      typeof b.media_url !== 'string' ||
      b.media_type !== 2 ||
      b.version !== 2 ||
      typeof b.openid !== 'string'
    ) {
      return { errcode: 47001, errmsg: 'data format error' };
    }
    const traceId = randomBytes(12).toString('hex');
    const push = this.pushVerdict(traceId, b.media_url, b.openid).finally(() => this.pushes.delete(push));
    this.pushes.add(push);
    return { errcode: 0, errmsg: 'ok', trace_id: traceId };
  }

  private async pushVerdict(traceId: string, mediaUrl: string, openid: string): Promise<void> {
    const download = await fetch(mediaUrl).catch(() => null);
    // An image WeChat cannot download is judged risky (errcode 86 in the detail, as WeChat does).
    const suggest: Suggest = download?.ok ? (this.mediaVerdicts.shift() ?? 'pass') : 'risky';
    if (!this.pushUrl) return;
    await this.pushGate;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(6).toString('hex');
    const signature = createHash('sha1')
      .update([this.pushToken, timestamp, nonce].sort().join(''))
      .digest('hex');
    const label = suggest === 'pass' ? 100 : 20002;
    const event = {
      ToUserName: 'gh_fake',
      FromUserName: openid,
      CreateTime: Number(timestamp),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.appid,
      trace_id: traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
    };
    const res = await fetch(`${this.pushUrl}?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    }).catch(() => null);
    this.pushedVerdicts.push({ traceId, suggest, status: res?.status ?? 0 });
  }

  private subscribeSend(q: Record<string, string>, body: unknown): object {
    const tokenError = this.checkToken(q);
    if (tokenError) return tokenError;
    const b = (body ?? {}) as Record<string, unknown>;
    if (
      typeof b.touser !== 'string' ||
      typeof b.template_id !== 'string' ||
      typeof b.data !== 'object' ||
      !b.data
    ) {
      return { errcode: 47003, errmsg: 'argument invalid' };
    }
    const invalid = invalidSubscribeField(b.data as Record<string, unknown>);
    if (invalid) return { errcode: 47003, errmsg: `argument invalid! data.${invalid}.value invalid` };
    return { errcode: 0, errmsg: 'ok', msgid: Date.now() };
  }

  private qrCode(q: Record<string, string>, body: unknown): object | null {
    const tokenError = this.checkToken(q);
    if (tokenError) return tokenError;
    const scene = (body as Record<string, unknown> | null)?.scene;
    if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) {
      return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' };
    }
    return null;
  }

  /** Control endpoints, for driving a fake that runs in another process (the demo, browser journeys). */
  private control(path: string, body: unknown, res: ServerResponse): void {
    if (path === '/__fake/script') {
      const { path: target, behaviours } = body as {
        path: WechatPath;
        behaviours: Behaviour[];
      };
      this.script(target, ...behaviours);
      return sendJson(res, { ok: true });
    }
    if (path === '/__fake/calls')
      return sendJson(res, { calls: this.calls.filter((c) => !c.path.startsWith('/__fake/')) });
    if (path === '/__fake/media-verdicts') {
      this.mediaVerdicts.push(...((body as { verdicts?: Suggest[] } | null)?.verdicts ?? []));
      return sendJson(res, { ok: true });
    }
    if (path === '/__fake/reset') {
      this.reset();
      return sendJson(res, { ok: true });
    }
    return sendJson(res, { errcode: 404, errmsg: 'unknown control' }, 404);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return null;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, text: string, type: string): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
  res.end(text);
}

function sendJson(res: ServerResponse, payload: unknown, status = 200): void {
  send(res, status, JSON.stringify(payload), 'application/json');
}
