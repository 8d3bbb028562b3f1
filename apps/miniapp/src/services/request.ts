import Taro from '@tarojs/taro';
import { ERROR_MESSAGES, ErrorCode, type AuthResult, type ErrorEnvelope, type RefreshBody } from '@jingcai/shared';
import { goToLogin } from '../navigation';
import { setCurrentUser } from './session';
import { clearTokens, loadTokens, saveTokens } from './tokens';

/** Set at build time (config/index.ts); includes the `/api` prefix. */
const API_BASE = process.env.TARO_APP_API_BASE.replace(/\/+$/, '');

/** What the client itself can run into before any envelope arrives. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export type ClientErrorCode = ErrorCode | typeof NETWORK_ERROR;

/** A failed call, carrying the API's stable error code and its worker-facing Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: ErrorEnvelope['details'],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined>;

export interface RequestOptions {
  method?: Method;
  /** JSON body for POST / PATCH. */
  body?: object;
  /** Query parameters; undefined values are left out. */
  query?: Query;
  /** False for the calls that establish a session (login, refresh); they carry no token. */
  auth?: boolean;
  /**
   * Errors the caller shows itself, so no toast: `true` for all (a badge fetched in the background),
   * or the codes it handles (a member card's 404 becomes a "not a member yet" page).
   */
  quiet?: Quiet;
}

type Quiet = boolean | readonly ClientErrorCode[];

/** A multipart upload of one local file (`Taro.uploadFile`). */
export interface UploadOptions {
  /** A path from `Taro.chooseImage` (a temp file on WeChat, a blob: URL on H5). */
  filePath: string;
  /** The multipart field that carries the file. */
  name: string;
  /** Plain fields sent beside the file. */
  formData?: Record<string, string>;
  quiet?: Quiet;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
  /** Response headers as the platform gives them (names in any case; a browser shows only CORS-exposed ones). */
  header?: Record<string, string>;
}

/** A JSON answer with its status and headers, for the few callers that read more than the body. */
export interface FullResponse<T> {
  statusCode: number;
  data: T;
  header: Record<string, string>;
}

/**
 * The one way pages reach the API. It attaches the access token, renews an expired one once with the
 * refresh token (one renewal shared by every request that hit a 401 meanwhile), shows the API's message
 * as a toast and throws an `ApiError`.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await requestFull<T>(path, options)).data;
}

/**
 * `request()` that also gives the status and the response headers (a quiz attempt reads the server's clock
 * from `Date`). The same token, renewal, error envelope and toast.
 */
export async function requestFull<T>(path: string, options: RequestOptions = {}): Promise<FullResponse<T>> {
  const { auth = true, quiet = false } = options;
  const response = await withSession((accessToken) => send(path, options, accessToken), auth, quiet);
  return { statusCode: response.statusCode, data: response.data as T, header: response.header ?? {} };
}

/**
 * `request()` for something that is not JSON (a claim's QR code image): the same token, renewal, error
 * envelope and toast, with the body as raw bytes. An error's envelope arrives as bytes too and is decoded.
 */
export async function requestBytes(path: string, options: Pick<RequestOptions, 'query' | 'quiet'> = {}): Promise<ArrayBuffer> {
  const response = await withSession((accessToken) => sendForBytes(path, options, accessToken), true, options.quiet ?? false);
  return response.data as ArrayBuffer;
}

/**
 * `request()` for a file: the same token, renewal, error envelope and toast. `Taro.uploadFile` answers
 * with the body as a string, so it is parsed here; anything that is not JSON counts as a server error.
 */
export async function upload<T>(path: string, options: UploadOptions): Promise<T> {
  const response = await withSession((accessToken) => sendFile(path, options, accessToken), true, options.quiet ?? false);
  return response.data as T;
}

async function withSession(
  transport: (accessToken: string | undefined) => Promise<RawResponse>,
  auth: boolean,
  quiet: Quiet,
): Promise<RawResponse> {
  const sentWith = loadTokens();
  if (auth && !sentWith) {
    // Never signed in (or signed out): no point asking the API, and no error to show.
    void goToLogin();
    throw new ApiError(401, ErrorCode.Unauthenticated, ERROR_MESSAGES.UNAUTHENTICATED);
  }

  let response = await transport(auth ? sentWith?.accessToken : undefined);
  if (auth && response.statusCode === 401 && isRenewable(response.data)) {
    const renewed = await renewSession(sentWith?.accessToken).catch((failure: ApiError) => {
      // The API could not answer the renewal (busy in a rush, down, no network): the worker stays signed in
      // and is told why; the next request renews again.
      if (!isQuietAbout(quiet, failure.code)) void Taro.showToast({ title: failure.message, icon: 'none' });
      throw failure;
    });
    if (renewed) response = await transport(renewed);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) {
    return response;
  }

  const error = toApiError(response);
  if (auth && error.status === 401) endSession();
  if (!isQuietAbout(quiet, error.code)) void Taro.showToast({ title: error.message, icon: 'none' });
  throw error;
}

function isQuietAbout(quiet: Quiet, code: ClientErrorCode): boolean {
  return quiet === true || (Array.isArray(quiet) && quiet.includes(code));
}

async function send(path: string, options: RequestOptions, accessToken: string | undefined): Promise<RawResponse> {
  const { method = 'GET', body, query } = options;
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  if (accessToken) header.Authorization = `Bearer ${accessToken}`;
  try {
    const response = await Taro.request<unknown>({
      url: `${API_BASE}${path}${toQueryString(query)}`,
      ...wireMethod(method, header),
      header,
      // A bodiless POST or DELETE still sends `{}`: wx.request labels every request application/json, and
      // the API refuses an empty body so labelled (400).
      data: body ?? (method === 'GET' ? undefined : {}),
      dataType: 'json',
    });
    const { statusCode, data } = response;
    return { statusCode, data, header: response.header ?? {} };
  } catch {
    throw networkError(options.quiet ?? false);
  }
}

async function sendFile(path: string, options: UploadOptions, accessToken: string | undefined): Promise<RawResponse> {
  const { filePath, name, formData, quiet = false } = options;
  const header: Record<string, string> = {};
  if (accessToken) header.Authorization = `Bearer ${accessToken}`;
  try {
    const { statusCode, data } = await Taro.uploadFile({
      url: `${API_BASE}${path}`,
      filePath,
      name,
      formData,
      header,
      // H5 only: the API authenticates by header, and a credentialed request would need stricter CORS.
      withCredentials: false,
    });
    return { statusCode, data: parseJson(data) };
  } catch {
    throw networkError(quiet);
  }
}

async function sendForBytes(
  path: string,
  { query, quiet = false }: Pick<RequestOptions, 'query' | 'quiet'>,
  accessToken: string | undefined,
): Promise<RawResponse> {
  const header: Record<string, string> = {};
  if (accessToken) header.Authorization = `Bearer ${accessToken}`;
  try {
    const { statusCode, data } = await Taro.request<ArrayBuffer>({
      url: `${API_BASE}${path}${toQueryString(query)}`,
      method: 'GET',
      header,
      responseType: 'arraybuffer',
    });
    const ok = statusCode >= 200 && statusCode < 300;
    return { statusCode, data: ok ? data : parseJson(utf8Text(data)) };
  } catch {
    throw networkError(quiet);
  }
}

/** Decodes UTF-8 bytes (an error envelope with Chinese text) without TextDecoder, which WeChat may lack. */
function utf8Text(data: unknown): unknown {
  if (Object.prototype.toString.call(data) !== '[object ArrayBuffer]') return data;
  let escaped = '';
  for (const byte of new Uint8Array(data as ArrayBuffer)) escaped += `%${byte.toString(16).padStart(2, '0')}`;
  try {
    return decodeURIComponent(escaped);
  } catch {
    return '';
  }
}

function parseJson(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function networkError(quiet: Quiet): ApiError {
  const error = new ApiError(0, NETWORK_ERROR, '网络连接失败，请检查网络后重试');
  if (!isQuietAbout(quiet, NETWORK_ERROR)) void Taro.showToast({ title: error.message, icon: 'none' });
  return error;
}

/**
 * wx.request has no PATCH: on WeChat a PATCH travels as POST and names the real method in
 * `X-HTTP-Method-Override`, which the API honours.
 */
function wireMethod(method: Method, header: Record<string, string>): { method: Method } {
  if (method === 'PATCH' && process.env.TARO_ENV === 'weapp') {
    header['X-HTTP-Method-Override'] = 'PATCH';
    return { method: 'POST' };
  }
  return { method };
}

function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

function isRenewable(data: unknown): boolean {
  const code = isEnvelope(data) ? data.code : undefined;
  return code === ErrorCode.TokenExpired || code === ErrorCode.Unauthenticated;
}

let renewal: Promise<string | null> | null = null;

/**
 * Resolves to a fresh access token, or null when the API refused the refresh token (the session is over). Rejects
 * with the API's error when it could not answer (429, 5xx, no network): that ends no session. A request whose 401
 * arrives after another request already renewed the tokens just retries with the new token.
 */
function renewSession(rejectedToken: string | undefined): Promise<string | null> {
  const stored = loadTokens();
  if (!stored) return Promise.resolve(null);
  if (renewal) return renewal;
  if (stored.accessToken !== rejectedToken) return Promise.resolve(stored.accessToken);

  const body: RefreshBody = { refreshToken: stored.refreshToken };
  renewal = send('/auth/refresh', { method: 'POST', body, quiet: true }, undefined)
    .then((response) => {
      if (response.statusCode === 429 || response.statusCode >= 500) throw toApiError(response);
      if (response.statusCode !== 200) return null;
      const result = response.data as AuthResult;
      saveTokens(result);
      setCurrentUser(result.user);
      return result.accessToken;
    })
    .finally(() => {
      renewal = null;
    });
  return renewal;
}

function endSession(): void {
  clearTokens();
  setCurrentUser(null);
  void goToLogin();
}

function toApiError({ statusCode, data }: RawResponse): ApiError {
  if (isEnvelope(data)) return new ApiError(statusCode, data.code, data.message, data.details);
  // Not our API talking (a proxy's error page, a gateway timeout): say something a worker understands.
  return new ApiError(statusCode, ErrorCode.Internal, ERROR_MESSAGES.INTERNAL_ERROR);
}

function isEnvelope(data: unknown): data is ErrorEnvelope {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as ErrorEnvelope).code === 'string' &&
    typeof (data as ErrorEnvelope).message === 'string'
  );
}
