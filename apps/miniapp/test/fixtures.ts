import type {
  ApplicationView,
  AttemptResultView,
  AttemptView,
  AuthResult,
  CertificateView,
  MistakeView,
  WorkerCampaignView,
  ClaimView,
  MeView,
  NotificationView,
  OrgView,
  RedemptionView,
  StationView,
  WorkerBenefitView,
} from '@jingcai/shared';

export function meView(overrides: Partial<MeView> = {}): MeView {
  return {
    id: 7,
    nickname: null,
    avatarUrl: null,
    underReview: [],
    realName: null,
    phone: null,
    idNumber: null,
    org: null,
    requestedOrg: null,
    category: null,
    gigVerified: false,
    tags: [],
    roles: ['worker'],
    membership: 'none',
    memberNo: null,
    consentVersion: null,
    consentAt: null,
    consentRequired: true,
    careMode: false,
    ...overrides,
  };
}

export function authResult(user: MeView, suffix = '1'): AuthResult {
  return { accessToken: `access-${suffix}`, expiresIn: 900, refreshToken: `refresh-${suffix}-0123456789abcdef`, user };
}

export const DASHIKOU: OrgView = {
  id: 2,
  name: '大市口街道工会',
  kind: 'street',
  parentId: 1,
  path: '京口区总工会 / 大市口街道工会',
  depth: 1,
  memberCount: 8600,
};

export const JINGCAI_TECH: OrgView = {
  id: 3,
  name: '京彩科技有限公司工会',
  kind: 'enterprise',
  parentId: 2,
  path: '京口区总工会 / 大市口街道工会 / 京彩科技有限公司工会',
  depth: 2,
  memberCount: 320,
};

export const RIDERS_UNION: OrgView = {
  id: 12,
  name: '京口区外卖骑手工会',
  kind: 'new_employment',
  parentId: 1,
  path: '京口区总工会 / 京口区外卖骑手工会',
  depth: 1,
  memberCount: 1600,
};

export function applicationView(overrides: Partial<ApplicationView> = {}): ApplicationView {
  return {
    id: 31,
    status: 'pending',
    realName: '孙磊',
    phone: '137****5678',
    org: { id: RIDERS_UNION.id, name: RIDERS_UNION.name, kind: RIDERS_UNION.kind },
    orgNotListed: null,
    category: 'delivery_rider',
    platform: '美团',
    proofPhotoUrl: null,
    rejectReason: null,
    memberNo: null,
    submittedAt: '2026-11-24T02:05:00Z',
    decidedAt: null,
    ...overrides,
  };
}

export function notificationView(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: 1,
    kind: 'application_approved',
    title: '入会申请已通过',
    body: '恭喜你成为工会会员，会员编号 JK2026000123。',
    // As the API names pages (and WeChat's subscribe messages want them): no leading slash.
    page: 'packages/membership/pages/card/index',
    read: false,
    createdAt: '2026-11-24T02:05:00Z',
    ...overrides,
  };
}

// ---- 暖新关爱 ----

/** The demo district's stations, as the seed has them (no distance: the API was given no position). */
export const DASHIKOU_STATION: StationView = {
  id: 1,
  name: '大市口户外劳动者服务站',
  address: '中山东路 88 号',
  latitude: 32.2047,
  longitude: 119.4551,
  hours: '08:00-20:00',
  amenities: ['water', 'charging', 'rest', 'microwave', 'toilet'],
  org: { id: 2, name: '大市口街道工会', kind: 'street' },
  distanceMeters: null,
};

export const ZHENGDONG_STATION: StationView = {
  id: 2,
  name: '正东路职工驿站',
  address: '正东路 126 号',
  latitude: 32.2101,
  longitude: 119.4628,
  hours: '09:00-18:00',
  amenities: ['water', 'rest', 'toilet'],
  org: { id: 4, name: '正东路街道工会', kind: 'street' },
  distanceMeters: null,
};

export const DEVZONE_STATION: StationView = {
  id: 3,
  name: '开发区快递小哥驿站',
  address: '学府路 301 号',
  latitude: 32.1985,
  longitude: 119.5102,
  hours: '07:30-21:00',
  amenities: ['water', 'charging', 'rest', 'microwave'],
  org: { id: 5, name: '开发区工会', kind: 'street' },
  distanceMeters: null,
};

export function benefitView(overrides: Partial<WorkerBenefitView> = {}): WorkerBenefitView {
  return {
    id: 11,
    title: '暖新礼包',
    description: '送给新就业形态劳动者的冬日礼包：保温杯、护手霜、反光背心。',
    kind: 'pack',
    totalStock: 220,
    remainingStock: 120,
    perPersonLimit: 1,
    claimStartsAt: '2026-11-23T00:00:00Z',
    claimEndsAt: '2026-12-24T15:59:59Z',
    pickupDeadline: '2027-01-08T15:59:59Z',
    eligibility: { categories: ['courier'], gigVerifiedRequired: true, tags: [], membersOnly: false, orgId: null },
    stations: [DEVZONE_STATION, ZHENGDONG_STATION, DASHIKOU_STATION],
    ownerOrg: { id: 1, name: '京口区总工会', kind: 'district' },
    eligible: true,
    ineligibleReason: null,
    activeClaimId: null,
    claimsUsed: 0,
    ...overrides,
  };
}

export function claimView(overrides: Partial<ClaimView> = {}): ClaimView {
  const { id, name, address, hours, latitude, longitude } = DASHIKOU_STATION;
  return {
    claimId: 41,
    benefit: { id: 11, title: '暖新礼包', kind: 'pack' },
    code: 'K7QH3M9P',
    status: 'claimed',
    station: { id, name, address, hours, latitude, longitude },
    expiresAt: '2027-01-08T15:59:59Z',
    claimedAt: '2026-11-24T02:05:00Z',
    redeemedAt: null,
    ...overrides,
  };
}

export function redemptionView(overrides: Partial<RedemptionView> = {}): RedemptionView {
  return {
    claimId: 41,
    benefit: { id: 11, title: '暖新礼包', kind: 'pack' },
    station: { id: DASHIKOU_STATION.id, name: DASHIKOU_STATION.name },
    workerName: '赵*',
    workerPhone: '138****0003',
    redeemedAt: '2026-11-24T06:30:00Z',
    redeemedBy: '李娜',
    ...overrides,
  };
}

// ---- 学习答题 ----

export function campaignView(overrides: Partial<WorkerCampaignView> = {}): WorkerCampaignView {
  return {
    id: 21,
    title: '安全生产知识竞赛',
    coverUrl: null,
    rules: '每人每天可答 3 次，取最高分。',
    startsAt: '2026-11-20T00:00:00Z',
    endsAt: '2026-12-20T15:59:59Z',
    secondsPerAttempt: 300,
    questionCount: 3,
    passScore: 60,
    attemptsLeftToday: 3,
    bestScore: null,
    openAttemptId: null,
    ...overrides,
  };
}

/** An attempt of three questions (one of each type) that started `startedAt` and runs for 5 minutes. */
export function attemptView(overrides: Partial<AttemptView> = {}): AttemptView {
  const startedAt = overrides.startedAt ?? new Date().toISOString();
  return {
    attemptId: 501,
    campaignId: 21,
    startedAt,
    deadline: new Date(Date.parse(startedAt) + 300_000).toISOString(),
    questions: [
      {
        id: 1,
        type: 'single',
        stem: '发生火灾时应拨打的电话是？',
        options: [
          { key: 'A', text: '110' },
          { key: 'B', text: '119' },
          { key: 'C', text: '120' },
        ],
      },
      {
        id: 2,
        type: 'multiple',
        stem: '以下属于劳动者权利的有？',
        options: [
          { key: 'A', text: '获得劳动报酬' },
          { key: 'B', text: '休息休假' },
          { key: 'C', text: '无故旷工' },
        ],
      },
      {
        id: 3,
        type: 'judge',
        stem: '用人单位可以扣押劳动者的身份证。',
        options: [
          { key: 'A', text: '正确' },
          { key: 'B', text: '错误' },
        ],
      },
    ],
    ...overrides,
  };
}

export function attemptResultView(overrides: Partial<AttemptResultView> = {}): AttemptResultView {
  const [single, multiple, judge] = attemptView().questions;
  return {
    attemptId: 501,
    campaignId: 21,
    score: 67,
    passed: true,
    correctCount: 2,
    questionCount: 3,
    durationSeconds: 95,
    late: false,
    review: [
      { ...single, choice: ['B'], answer: ['B'], correct: true, explanation: '火警电话是 119。' },
      { ...multiple, choice: ['A'], answer: ['A', 'B'], correct: false, explanation: '劳动者享有获得劳动报酬和休息休假的权利。' },
      { ...judge, choice: ['B'], answer: ['B'], correct: true, explanation: '《居民身份证法》禁止扣押身份证。' },
    ],
    certificateSerial: 'JC-2026-000123',
    ...overrides,
  };
}

export function mistakeView(overrides: Partial<MistakeView> = {}): MistakeView {
  return {
    question: attemptView().questions[1],
    campaignId: 21,
    wrongCount: 2,
    lastWrongAt: '2026-11-24T02:05:00Z',
    ...overrides,
  };
}

export function certificateView(overrides: Partial<CertificateView> = {}): CertificateView {
  return {
    serial: 'JC-2026-000123',
    name: '张伟',
    campaignTitle: '安全生产知识竞赛',
    score: 100,
    issuedAt: '2026-11-24T02:05:00Z',
    imageUrl: 'http://api.test/api/quiz/certificates/JC-2026-000123/image.png?sig=abc',
    ...overrides,
  };
}
