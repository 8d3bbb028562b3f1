// Data the 帮扶 page specs share (imported by specs only).
import type { AssistanceApplicationView, WishView, WishWallItem } from '@jingcai/shared';

export function applicationView(overrides: Partial<AssistanceApplicationView> = {}): AssistanceApplicationView {
  return {
    id: 31,
    kind: 'education',
    status: 'submitted',
    currentStep: 'check',
    steps: [
      { step: 'check', state: 'current', at: null, returnReason: null },
      { step: 'approve', state: 'waiting', at: null, returnReason: null },
      { step: 'grant', state: 'waiting', at: null, returnReason: null },
    ],
    familySituation: '爱人长期患病在家，孩子今年考上高中，家里只有我一人工作。',
    householdSize: 3,
    monthlyIncomePerMember: 1200,
    reasons: '孩子的学费和住宿费一时凑不齐，希望工会帮助。',
    documents: [],
    returnReason: null,
    returnedAt: null,
    grant: null,
    filedByStaff: false,
    createdAt: '2026-12-01T02:00:00.000Z',
    updatedAt: '2026-12-01T02:00:00.000Z',
    ...overrides,
  };
}

export function wallItem(overrides: Partial<WishWallItem> = {}): WishWallItem {
  return {
    id: 8,
    title: '一个新书包',
    story: '孩子的书包背了四年，拉链坏了，想要一个新书包迎接新学期。',
    amountYuan: 120,
    status: 'open',
    maskedName: '张*',
    streetName: '大市口街道工会',
    donorLabel: null,
    publishedAt: '2026-12-02T02:00:00.000Z',
    ...overrides,
  };
}

export function myWishView(overrides: Partial<WishView> = {}): WishView {
  return {
    id: 8,
    myRole: 'donor',
    title: '一个新书包',
    story: '孩子的书包背了四年，拉链坏了，想要一个新书包迎接新学期。',
    amountYuan: 120,
    status: 'claimed',
    rejectReason: null,
    streetName: '大市口街道工会',
    donorLabel: '爱心职工',
    handOver: { kind: 'union_office', place: '大市口街道工会办公室（解放路 1 号）' },
    claimedAt: '2026-12-03T02:00:00.000Z',
    handedOverAt: null,
    fulfilledAt: null,
    createdAt: '2026-12-02T02:00:00.000Z',
    ...overrides,
  };
}
