// Data for the 法律维权 specs (imported by specs only, so no page bundle carries it).
import type {
  AidApplicationView,
  LegalCaseView,
  LegalMessageView,
  LegalQuestionSummaryView,
  LegalQuestionView,
  Page,
  UploadView,
} from '@jingcai/shared';

/** The worker who asks (the `meView()` fixture's id). */
export const ASKER_ID = 7;
export const LAWYER = { id: 40, name: '王律师' };

export function page<T>(items: T[], total = items.length, pageNo = 1): Page<T> {
  return { items, total, page: pageNo, pageSize: 20 };
}

export function askerMessage(overrides: Partial<LegalMessageView> = {}): LegalMessageView {
  return {
    id: 301,
    authorRole: 'asker',
    authorName: '我',
    body: '我在工地干了三个月，老板一直拖着不发工资，该怎么办？',
    photos: [],
    createdAt: '2026-11-24T02:05:00Z',
    ...overrides,
  };
}

export function answerMessage(overrides: Partial<LegalMessageView> = {}): LegalMessageView {
  return {
    id: 302,
    authorRole: 'lawyer',
    authorName: '王律师（律师）',
    body: '请保留考勤记录和工资条，可先向劳动监察大队投诉，工会可以协助您。',
    photos: [],
    createdAt: '2026-11-24T06:30:00Z',
    ...overrides,
  };
}

export function questionView(overrides: Partial<LegalQuestionView> = {}): LegalQuestionView {
  return {
    id: 81,
    category: 'wage_arrears',
    title: '工地老板拖欠三个月工资怎么办',
    status: 'new',
    publicAllowed: false,
    asker: { id: ASKER_ID, name: '孙磊', org: { id: 2, name: '大市口街道工会', kind: 'street' }, phone: '137****5678' },
    assignee: null,
    dueAt: null,
    overdue: false,
    rating: null,
    ratingComment: null,
    messages: [askerMessage()],
    createdAt: '2026-11-24T02:05:00Z',
    updatedAt: '2026-11-24T02:05:00Z',
    ...overrides,
  };
}

/** The question once 王律师 has answered it. */
export function answeredQuestion(overrides: Partial<LegalQuestionView> = {}): LegalQuestionView {
  return questionView({
    status: 'answered',
    assignee: LAWYER,
    messages: [askerMessage(), answerMessage()],
    updatedAt: '2026-11-24T06:30:00Z',
    ...overrides,
  });
}

export function questionSummary(overrides: Partial<LegalQuestionSummaryView> = {}): LegalQuestionSummaryView {
  return {
    id: 81,
    category: 'wage_arrears',
    title: '工地老板拖欠三个月工资怎么办',
    status: 'new',
    askerName: '孙磊',
    assignee: null,
    dueAt: null,
    overdue: false,
    unreadAnswers: 0,
    lastMessageAt: '2026-11-24T02:05:00Z',
    createdAt: '2026-11-24T02:05:00Z',
    ...overrides,
  };
}

export function caseView(overrides: Partial<LegalCaseView> = {}): LegalCaseView {
  return {
    id: 11,
    title: '外卖骑手被拖欠工资 工会帮助追回',
    category: 'wage_arrears',
    facts: '骑手小李在某配送站工作两个月，站点以“押金”为由扣留工资 8600 元。',
    outcome: '街道工会介入调解，配送站一周内全额支付工资。',
    law: '《劳动合同法》第三十条',
    status: 'published',
    sourceQuestionId: null,
    publishedAt: '2026-11-20T02:00:00Z',
    createdAt: '2026-11-19T02:00:00Z',
    ...overrides,
  };
}

export function aidApplicationView(overrides: Partial<AidApplicationView> = {}): AidApplicationView {
  return {
    id: 61,
    kind: 'aid',
    facts: '公司拖欠 2026 年 8 月至 10 月工资共 15600 元，多次催要无果。',
    employer: '京口某餐饮管理有限公司',
    amountInDispute: 15600,
    status: 'received',
    applicant: { id: ASKER_ID, name: '孙磊', org: null, phone: '137****5678' },
    photos: [],
    steps: [{ status: 'received', note: null, at: '2026-11-24T02:05:00Z' }],
    createdAt: '2026-11-24T02:05:00Z',
    ...overrides,
  };
}

export function legalUpload(id = 'upl_l1'): UploadView {
  return { id, url: `http://api.test/api/uploads/${id}?sig=x`, contentType: 'image/jpeg', size: 2048, width: 600, height: 800 };
}
