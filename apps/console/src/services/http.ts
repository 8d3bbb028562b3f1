/**
 * The one way the console talks to the API: JSON requests, uploads and downloads with progress, the
 * Bearer token, one refresh-and-retry on TOKEN_EXPIRED, and the API's error envelope turned into an
 * ApiError whose message can be shown as it is. Pages never build URLs; the feature services do.
 */
import { ERROR_MESSAGES, type AuthResult, type ErrorCode, type ErrorEnvelope } from '@jingcai/shared';
import { getSession, sessionFrom, setSession } from '../session/session-store';

export const API_BASE = (import.meta.env.VITE_API_BASE ?? 'http://127.0.0.1:3000/api').replace(/\/+$/, '');

/** What staff see for a 404: the API answers the same for "missing" and "not yours", and so do we. */
export const NOT_FOUND_MESSAGE = '不存在或无权查看';
const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK_ERROR',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return '操作失败，请稍后再试';
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

/** A response reduced to what the retry logic needs, so fetch and XMLHttpRequest share it. */
interface Received {
  status: number;
  text(): Promise<string>;
}

export function errorFrom(status: number, text: string): ApiError {
  let envelope: Partial<ErrorEnvelope> = {};
  try {
    envelope = JSON.parse(text) as Partial<ErrorEnvelope>;
  } catch {
    // not JSON (a proxy's error page): fall back on the status
  }
  if (status === 404) return new ApiError(404, 'NOT_FOUND', NOT_FOUND_MESSAGE, envelope.details);
  const code = envelope.code ?? (status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_ERROR');
  const message = envelope.message ?? ERROR_MESSAGES[code] ?? ERROR_MESSAGES.INTERNAL_ERROR;
  return new ApiError(status, code, message, envelope.details);
}

let refreshing: Promise<boolean> | null = null;

/**
 * One refresh at a time: parallel requests that all met TOKEN_EXPIRED wait for the same one. True with a new
 * session; false when the API refused the refresh token (4xx), which signs out. When the API could not answer
 * (no network, 429, 5xx) it rejects with that error and keeps the session: being busy is no reason to sign
 * staff out mid-task.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = getSession();
    if (!session) return false;
    try {
      const response = await fetch(apiUrl('/auth/refresh'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      }).catch(networkError);
      if (response.ok) {
        setSession(sessionFrom((await response.json()) as AuthResult));
        return true;
      }
      if (response.status === 429 || response.status >= 500) {
        throw errorFrom(response.status, await response.text());
      }
      setSession(null);
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/**
 * Sends with the current access token; on 401 TOKEN_EXPIRED refreshes once and sends again. Any other
 * 401, or a refused refresh, means the session is gone: it is cleared, which takes the console back to the
 * login page. A refresh the API could not answer leaves the session and reports why.
 */
async function withAuth<R extends Received>(send: (token: string | null) => Promise<R>): Promise<R> {
  const token = getSession()?.accessToken ?? null;
  const first = await send(token).catch(networkError);
  if (first.status !== 401 || token === null) return first;
  const failure = errorFrom(401, await first.text());
  if (failure.code === 'TOKEN_EXPIRED' && (await refreshSession())) {
    const retried = await send(getSession()?.accessToken ?? null).catch(networkError);
    if (retried.status !== 401) return retried;
  }
  setSession(null);
  throw failure;
}

function networkError(): never {
  throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE);
}

function authHeaders(token: string | null): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { status, text } = await requestRaw(method, path, options);
  if (status < 200 || status >= 300) throw errorFrom(status, text);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Like `request`, but hands back any status: for routes whose error body is the answer (422 import reports). */
export async function requestRaw(
  method: string,
  path: string,
  { query, body, signal }: RequestOptions = {},
): Promise<{ status: number; text: string }> {
  const response = await withAuth((token) =>
    fetch(apiUrl(path, query), {
      method,
      signal,
      headers: { ...authHeaders(token), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: response.status, text: await response.text() };
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** 0–100, or null while the total size is unknown. */
export type ProgressListener = (percent: number | null, loaded: number) => void;

/** Multipart upload with upload progress (fetch cannot report it): `{ status, body }` whatever the status. */
export async function uploadFile(
  path: string,
  form: FormData,
  onProgress?: ProgressListener,
): Promise<{ status: number; text: string }> {
  const response = await withAuth(
    (token) =>
      new Promise<Received & { body: string }>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', apiUrl(path));
        for (const [name, value] of Object.entries(authHeaders(token))) xhr.setRequestHeader(name, value);
        xhr.upload.onprogress = (event) =>
          onProgress?.(event.lengthComputable ? Math.round((event.loaded / event.total) * 100) : null, event.loaded);
        xhr.onload = () =>
          resolve({ status: xhr.status, body: xhr.responseText, text: () => Promise.resolve(xhr.responseText) });
        xhr.onerror = () => reject(new Error('network'));
        xhr.send(form);
      }),
  );
  return { status: response.status, text: response.body };
}

/**
 * Fetches a file with the token (a plain link cannot carry it), reporting progress as it streams, then
 * hands it to the browser as a download. Resolves with the byte count once saved.
 */
export async function downloadFile(
  path: string,
  filename: string,
  { query, onProgress }: { query?: Query; onProgress?: ProgressListener } = {},
): Promise<number> {
  const response = await withAuth((token) => fetch(apiUrl(path, query), { headers: authHeaders(token) }));
  if (!response.ok) throw errorFrom(response.status, await response.text());
  const total = Number(response.headers.get('content-length') ?? 0);
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onProgress?.(total ? Math.min(100, Math.round((loaded / total) * 100)) : null, loaded);
    }
  } else {
    const buffer = new Uint8Array(await response.arrayBuffer());
    chunks.push(buffer);
    loaded = buffer.byteLength;
  }
  onProgress?.(100, loaded);
  const blob = new Blob(chunks as BlobPart[], {
    type: response.headers.get('content-type') ?? 'application/octet-stream',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return loaded;
}
