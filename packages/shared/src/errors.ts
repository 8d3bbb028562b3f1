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
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  RateLimited: 'RATE_LIMITED',
  ConsentRequired: 'CONSENT_REQUIRED',
  WechatCodeInvalid: 'WECHAT_CODE_INVALID',
  WechatRateLimited: 'WECHAT_RATE_LIMITED',
  WechatUnavailable: 'WECHAT_UNAVAILABLE',
  ContentRisky: 'CONTENT_RISKY',
  ContentNeedsReview: 'CONTENT_NEEDS_REVIEW',
  NotAnImage: 'NOT_AN_IMAGE',
  AlreadyDecided: 'ALREADY_DECIDED',
  ApplicationPending: 'APPLICATION_PENDING',
  AlreadyMember: 'ALREADY_MEMBER',
  IdNumberTaken: 'ID_NUMBER_TAKEN',
  OutOfStock: 'OUT_OF_STOCK',
  NotEligible: 'NOT_ELIGIBLE',
  PerPersonLimit: 'PER_PERSON_LIMIT',
  AlreadyRedeemed: 'ALREADY_REDEEMED',
  ClaimClosed: 'CLAIM_CLOSED',
  ClaimNotCancellable: 'CLAIM_NOT_CANCELLABLE',
  ClaimCancelled: 'CLAIM_CANCELLED',
  ClaimExpired: 'CLAIM_EXPIRED',
  StockBelowClaimed: 'STOCK_BELOW_CLAIMED',
  CampaignClosed: 'CAMPAIGN_CLOSED',
  NoAttemptsLeft: 'NO_ATTEMPTS_LEFT',
  AttemptSubmitted: 'ATTEMPT_SUBMITTED',
  AttemptNotSubmitted: 'ATTEMPT_NOT_SUBMITTED',
  BankTooSmall: 'BANK_TOO_SMALL',
  CampaignPublished: 'CAMPAIGN_PUBLISHED',
  AlreadyCheckedIn: 'ALREADY_CHECKED_IN',
  DuplicateNote: 'DUPLICATE_NOTE',
  NoMakeUpsLeft: 'NO_MAKE_UPS_LEFT',
  SeasonClosed: 'SEASON_CLOSED',
  SeasonHasNoBooks: 'SEASON_HAS_NO_BOOKS',
  BookInUse: 'BOOK_IN_USE',
  QuestionClosed: 'QUESTION_CLOSED',
  QuestionNotAnswered: 'QUESTION_NOT_ANSWERED',
  CaseNotReady: 'CASE_NOT_READY',
  NoRootOrg: 'NO_ROOT_ORG',
  StatusLocked: 'STATUS_LOCKED',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  Internal: 'INTERNAL_ERROR',
  OwnRecord: 'OWN_RECORD',
  PhoneTaken: 'PHONE_TAKEN',
  LastAdmin: 'LAST_ADMIN',
  AccountDeleted: 'ACCOUNT_DELETED',
  AssistanceNoOrg: 'ASSISTANCE_NO_ORG',
  AssistanceOpenApplication: 'ASSISTANCE_OPEN_APPLICATION',
  AssistanceNotYourStep: 'ASSISTANCE_NOT_YOUR_STEP',
  AssistanceVisitRequired: 'ASSISTANCE_VISIT_REQUIRED',
  AssistanceAlreadyRegistered: 'ASSISTANCE_ALREADY_REGISTERED',
  NotOnRegister: 'NOT_ON_REGISTER',
  WishInProgress: 'WISH_IN_PROGRESS',
  WishTaken: 'WISH_TAKEN',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The error table: each code's HTTP status and default message. The API picks a refusal's status from its
 * code, so one code never means two statuses; a feature adds its own code here rather than reusing CONFLICT.
 */
export const ERRORS: Readonly<Record<ErrorCode, { status: number; message: string }>> = {
  VALIDATION_FAILED: { status: 400, message: '提交的信息有误，请检查后重试' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  REFRESH_TOKEN_INVALID: { status: 401, message: '登录状态已失效，请重新登录' },
  FORBIDDEN: { status: 403, message: '没有权限进行此操作' },
  OUT_OF_SCOPE: { status: 403, message: '只能管理本组织及下级组织的数据' },
  NOT_FOUND: { status: 404, message: '内容不存在或已删除' },
  CONFLICT: { status: 409, message: '数据已存在，请勿重复提交' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大（不能超过 1 MB），请精简后重试' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请求格式不受支持，请以 JSON 提交' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  CONSENT_REQUIRED: { status: 403, message: '请先阅读并同意隐私政策' },
  WECHAT_CODE_INVALID: { status: 401, message: '登录凭证无效，请重新进入小程序' },
  WECHAT_RATE_LIMITED: { status: 429, message: '微信接口调用太频繁，请稍后再试' },
  WECHAT_UNAVAILABLE: { status: 502, message: '微信服务暂时不可用，请稍后再试' },
  CONTENT_RISKY: { status: 400, message: '内容含有不适宜公开的信息，请修改后再提交' },
  CONTENT_NEEDS_REVIEW: { status: 400, message: '内容可能含有不适宜的信息，请修改后再提交' },
  NOT_AN_IMAGE: { status: 400, message: '只能上传 JPG、PNG、WebP 或 GIF 图片' },
  ALREADY_DECIDED: { status: 409, message: '该申请已处理，请勿重复操作' },
  APPLICATION_PENDING: { status: 409, message: '你已有一份待审核的入会申请，请耐心等待' },
  ALREADY_MEMBER: { status: 409, message: '你已经是工会会员，无需重复申请' },
  ID_NUMBER_TAKEN: { status: 409, message: '该身份证号码已被其他账号使用' },
  OUT_OF_STOCK: { status: 409, message: '手慢了，已经领完了' },
  NOT_ELIGIBLE: { status: 403, message: '暂不符合领取条件' },
  PER_PERSON_LIMIT: { status: 409, message: '已达到每人限领份数' },
  ALREADY_REDEEMED: { status: 409, message: '该领取码已核销' },
  CLAIM_CLOSED: { status: 409, message: '不在领取时间内' },
  CLAIM_NOT_CANCELLABLE: { status: 409, message: '该领取记录已领取或已失效，不能取消' },
  CLAIM_CANCELLED: { status: 409, message: '该领取码已被取消' },
  CLAIM_EXPIRED: { status: 409, message: '该领取码已过领取截止时间' },
  STOCK_BELOW_CLAIMED: { status: 409, message: '减少的数量超过了剩余库存（已领取的不能收回）' },
  CAMPAIGN_CLOSED: { status: 409, message: '活动不在开放时间内' },
  NO_ATTEMPTS_LEFT: { status: 409, message: '今日答题次数已用完，明天再来吧' },
  ATTEMPT_SUBMITTED: { status: 409, message: '本次答题已交卷' },
  ATTEMPT_NOT_SUBMITTED: { status: 409, message: '尚未交卷' },
  BANK_TOO_SMALL: { status: 409, message: '题库题目不足，请联系工作人员' },
  CAMPAIGN_PUBLISHED: { status: 409, message: '活动已发布，不能再修改抽题规则、时长和及格分' },
  ALREADY_CHECKED_IN: { status: 409, message: '今天已经打卡了，明天再来吧' },
  DUPLICATE_NOTE: { status: 409, message: '这篇读后感已经提交过了，请写下新的感想' },
  NO_MAKE_UPS_LEFT: { status: 409, message: '补卡次数已用完' },
  SEASON_CLOSED: { status: 409, message: '读书季不在进行中' },
  SEASON_HAS_NO_BOOKS: { status: 409, message: '请先添加至少一本推荐书目再发布' },
  BOOK_IN_USE: { status: 409, message: '已有职工打卡读过这本书，不能删除' },
  QUESTION_CLOSED: { status: 409, message: '该咨询已结束' },
  QUESTION_NOT_ANSWERED: { status: 409, message: '收到答复后才能结束咨询' },
  CASE_NOT_READY: { status: 409, message: '咨询结束且提问人同意公开后才能整理为案例' },
  NO_ROOT_ORG: { status: 409, message: '尚未建立组织，不能发布案例' },
  STATUS_LOCKED: { status: 409, message: '当前状态不能进行此操作' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务繁忙，请稍后再试' },
  INTERNAL_ERROR: { status: 500, message: '服务器开小差了，请稍后再试' },
  OWN_RECORD: { status: 403, message: '不能处理本人的申请或记录' },
  PHONE_TAKEN: { status: 409, message: '该手机号已绑定其他账号' },
  LAST_ADMIN: { status: 409, message: '这是最后一位管理员，不能撤销其管理员角色' },
  ACCOUNT_DELETED: { status: 401, message: '该账号已注销' },
  ASSISTANCE_NO_ORG: { status: 409, message: '请先加入工会并确认所在组织，再申请帮扶' },
  ASSISTANCE_OPEN_APPLICATION: { status: 409, message: '已有一份同类帮扶申请正在办理中，请勿重复申请' },
  ASSISTANCE_NOT_YOUR_STEP: { status: 403, message: '当前审核步骤不由你所在的工会办理' },
  ASSISTANCE_VISIT_REQUIRED: { status: 409, message: '请先记录入户走访情况，再完成审核' },
  ASSISTANCE_ALREADY_REGISTERED: { status: 409, message: '该职工家庭已在困难职工档案中' },
  NOT_ON_REGISTER: { status: 403, message: '只有已建档的困难职工家庭可以发布微心愿，请联系所在工会' },
  WISH_IN_PROGRESS: { status: 409, message: '已有一个心愿正在进行中，圆梦后再许新的心愿吧' },
  WISH_TAKEN: { status: 409, message: '手慢了，这个心愿已被其他爱心人士认领' },
};

/** Each code's default message (what `ERRORS` says), for clients that only need the words. */
export const ERROR_MESSAGES = Object.fromEntries(
  Object.entries(ERRORS).map(([code, { message }]) => [code, message]),
) as Readonly<Record<ErrorCode, string>>;

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
