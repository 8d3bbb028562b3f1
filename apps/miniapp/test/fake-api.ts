import Taro from '@tarojs/taro';

/** What a test sees of one call that went through `Taro.request`. */
export interface SeenRequest {
  method: string;
  /** Path below the API base, with the query string: `/orgs?q=大市口`. */
  path: string;
  body: unknown;
  header: Record<string, string>;
  authorization: string | undefined;
  /** `arraybuffer` when the caller asked for raw bytes (an image). */
  responseType?: string;
}

export interface FakeResponse {
  statusCode: number;
  data?: unknown;
  /** Response headers (e.g. the server's `Date`); none when left out, like a browser's cross-origin answer. */
  header?: Record<string, string>;
}

type Route = FakeResponse | ((request: SeenRequest) => FakeResponse | Promise<FakeResponse>);

const API_BASE = process.env.TARO_APP_API_BASE;

/**
 * Replaces `Taro.request` and `Taro.uploadFile` with an in-memory API. Routes are keyed `METHOD /path` (no
 * query string); anything unrouted answers 404 with the API's envelope, so a test notices a call it did not
 * expect. An upload is seen as a POST whose body is `{ filePath, name, formData }`, and gets its answer as a
 * string, as WeChat gives it. A call asking for `responseType: 'arraybuffer'` gets bytes: a route's ArrayBuffer as
 * it is, anything else (an error envelope) as its JSON text in UTF-8, as the real API's would arrive.
 */
export function fakeApi(routes: Record<string, Route>): SeenRequest[] {
  const seen: SeenRequest[] = [];
  const answer = async (request: SeenRequest): Promise<FakeResponse> => {
    seen.push(request);
    const route = routes[`${request.method} ${decodeURIComponent(request.path.split('?')[0])}`];
    const response = typeof route === 'function' ? await route(request) : route;
    return response ?? { statusCode: 404, data: { code: 'NOT_FOUND', message: '内容不存在或已删除' } };
  };
  const seenAs = (method: string, url: string, body: unknown, header: Record<string, string>): SeenRequest => ({
    method,
    path: url.slice(API_BASE.length),
    body,
    header,
    authorization: header.Authorization,
  });

  jest.spyOn(Taro, 'request').mockImplementation((async (option: Taro.request.Option) => {
    const header = (option.header ?? {}) as Record<string, string>;
    const request = { ...seenAs(option.method ?? 'GET', option.url, option.data, header), responseType: option.responseType };
    const response = await answer(request);
    return option.responseType === 'arraybuffer' ? { ...response, data: asBytes(response.data) } : response;
  }) as unknown as typeof Taro.request);

  jest.spyOn(Taro, 'uploadFile').mockImplementation((async (option: Taro.uploadFile.Option) => {
    const header = (option.header ?? {}) as Record<string, string>;
    const { filePath, name, formData } = option;
    const response = await answer(seenAs('POST', option.url, { filePath, name, formData }, header));
    const data = typeof response.data === 'string' ? response.data : JSON.stringify(response.data ?? '');
    return { statusCode: response.statusCode, data, errMsg: 'uploadFile:ok' };
  }) as unknown as typeof Taro.uploadFile);

  return seen;
}

function asBytes(data: unknown): ArrayBuffer {
  if (Object.prototype.toString.call(data) === '[object ArrayBuffer]') return data as ArrayBuffer;
  return Uint8Array.from(Buffer.from(JSON.stringify(data ?? ''), 'utf8')).buffer;
}

/** `METHOD /path` of each call, for asserting on what was sent and in which order. */
export function callsOf(seen: SeenRequest[]): string[] {
  return seen.map(({ method, path }) => `${method} ${decodeURIComponent(path)}`);
}
