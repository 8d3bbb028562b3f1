/**
 * Stable error codes of the API's error envelope. Clients branch on `code`; `message` is Chinese text
 * fit to show a worker as it is. Codes are never renamed once shipped.
 */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthenticated: 'UNAUTHENTICATED',
  TokenExpired: 'TOKEN_EXPIRED',
  RefreshTokenInvalid: 'REFRESH_TOKEN_INVALID',
  Forbidden: 'FORBIDDEN',
  OutOfScope: 'OUT_OF_SCOPE',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  RateLimited: 'RATE_LIMITED',
  ConsentRequired: 'CONSENT_REQUIRED',
  WechatCodeInvalid: 'WECHAT_CODE_INVALID',
  WechatRateLimited: 'WECHAT_RATE_LIMITED',
  WechatUnavailable: 'WECHAT_UNAVAILABLE',
  ContentRisky: 'CONTENT_RISKY',
  NotAnImage: 'NOT_AN_IMAGE',
  AlreadyDecided: 'ALREADY_DECIDED',
  ApplicationPending: 'APPLICATION_PENDING',
  OutOfStock: 'OUT_OF_STOCK',
  NotEligible: 'NOT_ELIGIBLE',
  AlreadyRedeemed: 'ALREADY_REDEEMED',
  ClaimClosed: 'CLAIM_CLOSED',
  AlreadyCheckedIn: 'ALREADY_CHECKED_IN',
  DuplicateNote: 'DUPLICATE_NOTE',
  NoMakeUpsLeft: 'NO_MAKE_UPS_LEFT',
  SeasonClosed: 'SEASON_CLOSED',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  Internal: 'INTERNAL_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: '提交的信息有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  REFRESH_TOKEN_INVALID: '登录状态已失效，请重新登录',
  FORBIDDEN: '没有权限进行此操作',
  OUT_OF_SCOPE: '只能管理本组织及下级组织的数据',
  NOT_FOUND: '内容不存在或已删除',
  CONFLICT: '数据已存在，请勿重复提交',
  PAYLOAD_TOO_LARGE: '提交的内容过大（图片不能超过 5 MB）',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CONSENT_REQUIRED: '请先阅读并同意隐私政策',
  WECHAT_CODE_INVALID: '登录凭证无效，请重新进入小程序',
  WECHAT_RATE_LIMITED: '微信接口调用太频繁，请稍后再试',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
  CONTENT_RISKY: '内容含有不适宜公开的信息，请修改后再提交',
  NOT_AN_IMAGE: '只能上传 JPG、PNG、WebP 或 GIF 图片',
  ALREADY_DECIDED: '该申请已处理，请勿重复操作',
  APPLICATION_PENDING: '你已有一份待审核的入会申请，请耐心等待',
  OUT_OF_STOCK: '手慢了，已经领完了',
  NOT_ELIGIBLE: '暂不符合领取条件',
  ALREADY_REDEEMED: '该领取码已核销',
  CLAIM_CLOSED: '不在领取时间内',
  ALREADY_CHECKED_IN: '今天已经打卡了，明天再来吧',
  DUPLICATE_NOTE: '这篇读后感已经提交过了，请写下新的感想',
  NO_MAKE_UPS_LEFT: '补卡次数已用完',
  SEASON_CLOSED: '读书季不在进行中',
  SERVICE_UNAVAILABLE: '服务繁忙，请稍后再试',
  INTERNAL_ERROR: '服务器开小差了，请稍后再试',
};

/** The one JSON shape every API error has. */
export interface ErrorEnvelope {
  code: ErrorCode;
  message: string;
  /** For validation errors: the offending fields and what is wrong with each. */
  details?: FieldError[] | Record<string, unknown>;
  requestId?: string;
}

export interface FieldError {
  field: string;
  message: string;
}
