import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import {
  isAccessTokenError,
  wechatErrcodeException,
  wechatUnavailable,
  WechatErrcode,
} from './wechat.errors';
import { WechatTokensRepository } from './wechat-tokens.repository';

export interface WechatSession {
  openid: string;
  unionid?: string;
  /** Server-side only: never returned to a client, never logged. */
  sessionKey: string;
}

interface WechatReply {
  errcode?: number;
  errmsg?: string;
  /** Set by `send()` when WeChat answered with an image instead of JSON (getwxacodeunlimit). */
  image?: Buffer;
}

interface CallOptions {
  method: 'GET' | 'POST';
  query?: Record<string, string>;
  body?: unknown;
  /** Adds `access_token` to the query, refreshing it once if WeChat rejects it. */
  withAccessToken?: boolean;
  /** Errcodes the caller handles itself (returned, not thrown or retried). */
  acceptErrcodes?: readonly number[];
}

/** msg_sec_check v2 scenes: 1 profile, 2 comment, 3 forum post, 4 social log. */
export type SecurityScene = 1 | 2 | 3 | 4;
export type SecuritySuggest = 'pass' | 'review' | 'risky';

export interface TextCheckResult {
  suggest: SecuritySuggest;
  label: number;
  traceId: string | null;
}

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** Mini-program page the message opens, with query. */
  page: string;
  /** Template fields, e.g. `{ thing1: '入会申请', phrase2: '已通过' }`. */
  data: Record<string, string>;
}

/** Refresh the token this long before WeChat would expire it. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const LEASE_WAIT_STEP_MS = 100;
const LEASE_WAIT_STEPS = 50;

/** Thrown inside `call()` for failures worth another attempt (network, timeout, errcode -1, 5xx). */
class RetryableWechatFailure extends Error {}

/**
 * The one way the API talks to WeChat's server API. Base URL from config (a local fake in tests and
 * the demo), a timeout on every call, bounded retries for transient failures, errcodes mapped to
 * AppExceptions, and an access token shared by all instances through the database.
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);
  private readonly settings: AppConfig['wechat'];
  private cachedToken?: { token: string; expiresAt: Date };

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tokenStore: WechatTokensRepository,
  ) {
    this.settings = config.wechat;
  }

  async code2Session(code: string): Promise<WechatSession> {
    const reply = await this.call<{ openid?: string; unionid?: string; session_key?: string }>(
      '/sns/jscode2session',
      {
        method: 'GET',
        query: {
          appid: this.settings.appid,
          secret: this.settings.secret,
          js_code: code,
          grant_type: 'authorization_code',
        },
      },
    );
    if (!reply.openid || !reply.session_key) throw wechatUnavailable();
    return { openid: reply.openid, unionid: reply.unionid || undefined, sessionKey: reply.session_key };
  }

  /** The phone number behind a `getPhoneNumber` button code. */
  async phoneNumber(code: string): Promise<string> {
    const reply = await this.call<{ phone_info?: { purePhoneNumber?: string } }>(
      '/wxa/business/getuserphonenumber',
      {
        method: 'POST',
        body: { code },
        withAccessToken: true,
      },
    );
    const phone = reply.phone_info?.purePhoneNumber;
    if (!phone) throw wechatUnavailable();
    return phone;
  }

  /** Content-safety check of worker-written text (msg_sec_check v2). */
  async checkText(openid: string, content: string, scene: SecurityScene): Promise<TextCheckResult> {
    const reply = await this.call<{ result?: { suggest?: string; label?: number }; trace_id?: string }>(
      '/wxa/msg_sec_check',
      { method: 'POST', body: { content, version: 2, scene, openid }, withAccessToken: true },
    );
    const suggest = reply.result?.suggest;
    if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') throw wechatUnavailable();
    return { suggest, label: reply.result?.label ?? 0, traceId: reply.trace_id ?? null };
  }

  /** Queues an image for WeChat's asynchronous check; the verdict arrives at the message-push URL. */
  async checkImageAsync(openid: string, mediaUrl: string, scene: SecurityScene): Promise<string> {
    const reply = await this.call<{ trace_id?: string }>('/wxa/media_check_async', {
      method: 'POST',
      body: { media_url: mediaUrl, media_type: 2, version: 2, scene, openid },
      withAccessToken: true,
    });
    if (!reply.trace_id) throw wechatUnavailable();
    return reply.trace_id;
  }

  /** Sends a subscribe message. `refused` when the worker has not (or no longer) allowed it: never retried. */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<'sent' | 'refused'> {
    const reply = await this.call('/cgi-bin/message/subscribe/send', {
      method: 'POST',
      body: {
        touser: message.openid,
        template_id: message.templateId,
        page: message.page,
        data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
        miniprogram_state: this.settings.envVersion === 'release' ? 'formal' : this.settings.envVersion,
        lang: 'zh_CN',
      },
      withAccessToken: true,
      acceptErrcodes: [WechatErrcode.SubscriptionRefused],
    });
    return reply.errcode === WechatErrcode.SubscriptionRefused ? 'refused' : 'sent';
  }

  /** A mini-program code (getwxacodeunlimit) opening `page` with `scene` (≤ 32 visible ASCII characters). */
  async unlimitedQrCode(scene: string, page: string, width = 430): Promise<Buffer> {
    const reply = await this.call('/wxa/getwxacodeunlimit', {
      method: 'POST',
      body: { scene, page, check_path: false, env_version: this.settings.envVersion, width },
      withAccessToken: true,
    });
    if (!reply.image) throw wechatUnavailable();
    return reply.image;
  }

  /** A valid access token: from memory, else the shared database row, else refreshed by one instance. */
  async accessToken(): Promise<string> {
    if (this.cachedToken && this.fresh(this.cachedToken.expiresAt)) return this.cachedToken.token;
    const { appid } = this.settings;
    for (let step = 0; step < LEASE_WAIT_STEPS; step++) {
      const shared = await this.tokenStore.read(appid);
      if (shared && this.fresh(shared.expiresAt)) {
        this.cachedToken = shared;
        return shared.token;
      }
      if (await this.tokenStore.tryLease(appid)) {
        try {
          const fetched = await this.fetchStableToken();
          await this.tokenStore.save(appid, fetched.token, fetched.expiresAt);
          this.cachedToken = fetched;
          return fetched.token;
        } catch (error) {
          await this.tokenStore.releaseLease(appid);
          throw error;
        }
      }
      await sleep(LEASE_WAIT_STEP_MS); // another instance is refreshing: read its result shortly
    }
    throw wechatUnavailable();
  }

  private async fetchStableToken(): Promise<{ token: string; expiresAt: Date }> {
    const reply = await this.call<{ access_token?: string; expires_in?: number }>('/cgi-bin/stable_token', {
      method: 'POST',
      body: { grant_type: 'client_credential', appid: this.settings.appid, secret: this.settings.secret },
    });
    if (!reply.access_token || !reply.expires_in) throw wechatUnavailable();
    return { token: reply.access_token, expiresAt: new Date(Date.now() + reply.expires_in * 1000) };
  }

  private fresh(expiresAt: Date): boolean {
    return expiresAt.getTime() - TOKEN_MARGIN_MS > Date.now();
  }

  private async call<T>(path: string, options: CallOptions, tokenRetried = false): Promise<T & WechatReply> {
    const token = options.withAccessToken ? await this.accessToken() : undefined;
    const query = new URLSearchParams({ ...options.query, ...(token ? { access_token: token } : {}) });
    const url = `${this.settings.apiBase}${path}${query.size ? `?${query.toString()}` : ''}`;

    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await this.send<T & WechatReply>(url, options);
        const errcode = reply.errcode ?? 0;
        if (errcode === 0 || options.acceptErrcodes?.includes(errcode)) return reply;
        this.logger.warn(`WeChat ${path} answered errcode ${errcode} (attempt ${attempt + 1})`);
        if (token && isAccessTokenError(errcode) && !tokenRetried) {
          this.cachedToken = undefined;
          await this.tokenStore.invalidate(this.settings.appid, token);
          return this.call<T>(path, options, true);
        }
        if (errcode !== WechatErrcode.SystemBusy) throw wechatErrcodeException(errcode);
        throw new RetryableWechatFailure(`errcode ${errcode}`);
      } catch (error) {
        if (!(error instanceof RetryableWechatFailure)) throw error;
        if (attempt >= this.settings.retries) {
          this.logger.error(`WeChat ${path} failed after ${attempt + 1} attempts: ${error.message}`);
          throw wechatUnavailable();
        }
        await sleep(100 * 2 ** attempt);
      }
    }
  }

  /** One HTTP exchange. Transient failures become RetryableWechatFailure; a garbled body does not. */
  private async send<T>(url: string, options: CallOptions): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: options.method,
        headers: options.body === undefined ? undefined : { 'content-type': 'application/json' },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network error';
      throw new RetryableWechatFailure(reason);
    }
    if (response.status >= 500) throw new RetryableWechatFailure(`HTTP ${response.status}`);
    const body = await response.arrayBuffer().catch(() => {
      throw new RetryableWechatFailure('body interrupted');
    });
    // getwxacodeunlimit answers the image itself on success, JSON only on failure.
    if (response.headers.get('content-type')?.startsWith('image/')) return { image: Buffer.from(body) } as T;
    const text = Buffer.from(body).toString('utf8');
    try {
      return JSON.parse(text) as T;
    } catch {
      // WeChat only ever answers JSON here; anything else is a broken proxy or upstream, not worth a retry.
      this.logger.error(
        `WeChat answered a body that is not JSON (HTTP ${response.status}, ${text.length} bytes)`,
      );
      throw wechatUnavailable();
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
