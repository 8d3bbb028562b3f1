import { AppException } from '../../common/errors/app-exception';

/** WeChat errcodes we act on. The rest surface as WECHAT_UNAVAILABLE with the errcode logged. */
export const WechatErrcode = {
  SystemBusy: -1,
  InvalidCredential: 40001,
  InvalidAccessToken: 40014,
  AccessTokenExpired: 42001,
  InvalidCode: 40029,
  CodeUsed: 40163,
  RateLimited: 45011,
  SubscriptionRefused: 43101,
} as const;

const TOKEN_ERRCODES: ReadonlySet<number> = new Set([
  WechatErrcode.InvalidCredential,
  WechatErrcode.InvalidAccessToken,
  WechatErrcode.AccessTokenExpired,
]);

export function isAccessTokenError(errcode: number): boolean {
  return TOKEN_ERRCODES.has(errcode);
}

/** An errcode WeChat answered with, mapped to what a worker should see. */
export function wechatErrcodeException(errcode: number): AppException {
  switch (errcode) {
    case WechatErrcode.InvalidCode:
    case WechatErrcode.CodeUsed:
      return new AppException(
        'WECHAT_CODE_INVALID',
        '登录凭证无效，请重新进入小程序',
      );
    case WechatErrcode.RateLimited:
      return new AppException('WECHAT_RATE_LIMITED');
    default:
      return wechatUnavailable();
  }
}

export function wechatUnavailable(): AppException {
  return new AppException('WECHAT_UNAVAILABLE');
}
