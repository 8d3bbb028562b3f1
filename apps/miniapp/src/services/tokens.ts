import Taro from '@tarojs/taro';
import type { AuthResult } from '@jingcai/shared';

/** The API's access + refresh token pair, kept in local storage so a session survives a restart. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

const STORAGE_KEY = 'jingcai.tokens';

export function loadTokens(): Tokens | null {
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
  return isTokens(stored) ? stored : null;
}

export function saveTokens({ accessToken, refreshToken }: Pick<AuthResult, 'accessToken' | 'refreshToken'>): void {
  Taro.setStorageSync(STORAGE_KEY, { accessToken, refreshToken } satisfies Tokens);
}

export function clearTokens(): void {
  Taro.removeStorageSync(STORAGE_KEY);
}

function isTokens(value: unknown): value is Tokens {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Tokens).accessToken === 'string' &&
    typeof (value as Tokens).refreshToken === 'string'
  );
}
