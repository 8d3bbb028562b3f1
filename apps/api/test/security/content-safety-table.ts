// The content-safety table: every route that takes text or photos a worker wrote and someone else reads, and
// every other free-text body field of the API with the reason it needs no check. The coverage suite reads the
// OpenAPI document, so a new route whose free text or photos appear in neither list fails it.
import { PHONE_PATTERN, type MeView, type UploadPurpose } from '@jingcai/shared';
import { DAY_PATTERN } from '../../src/modules/reading/dto/day';
import { UPLOAD_ID_PATTERN } from '../../src/modules/uploads/upload-id';
import { application as assistanceApplication, atStage, registered } from '../support/assistance-fixtures';
import type { Person, World } from './world';

/** What text WeChat wants a person to review meets on a route. */
export type ReviewOutcome =
  /** 400 CONTENT_NEEDS_REVIEW: the record has no moderation queue, so it is not saved at all. */
  | 'refused'
  /** Saved unpublished, in the staff moderation queue (`/api/moderation`) until staff decide. */
  | 'held';

interface Called {
  path: string;
  body: Record<string, unknown>;
}

export interface SafetyRow {
  /** Body fields holding worker text: each goes through msg_sec_check. */
  text: string[];
  /** A body field holding upload ids of worker photos (one id, or an array): each goes through media_check_async. */
  photo?: { field: string; purpose: UploadPurpose; many: boolean };
  review: ReviewOutcome;
  /**
   * A valid call by `author` (a fresh worker: one call each, so one-per-person rules never interfere):
   * the path to send to and a body, with the fixtures it needs.
   */
  call(w: World, author: Person): Called | Promise<Called>;
  /**
   * Whether someone other than the author can see photo `uploadId` now. By default: `reader` opens it at
   * `GET /api/uploads/{id}` (a reader the route's record is otherwise readable by).
   */
  reader?: Exclude<keyof World['people'], 'worker'>;
  photoShown?(w: World, author: Person, uploadId: string): Promise<boolean>;
}

/** `METHOD /path` as the OpenAPI document spells it → how worker content on it is checked. */
export const CHECKED_ROUTES: Record<string, SafetyRow> = {
  'PATCH /api/me': {
    text: ['nickname'],
    photo: { field: 'avatarId', purpose: 'avatar', many: false },
    review: 'held',
    call: () => ({ path: '/api/me', body: { nickname: '快乐骑手' } }),
    // An avatar is never opened by others at /api/uploads: it is published to the profile once passed.
    photoShown: async (w, author) =>
      ((await w.as(author, 'get', '/api/me').expect(200)).body as MeView).avatarUrl !== null,
  },
  'POST /api/membership/applications': {
    text: ['orgNotListed', 'platform'],
    photo: { field: 'proofPhotoId', purpose: 'membership_proof', many: false },
    review: 'refused',
    call: async (w, author) => ({
      path: '/api/membership/applications',
      body: {
        realName: '孙磊',
        phone: '13812345678',
        orgNotListed: '某某快递站点',
        category: 'courier',
        platform: '美团',
        proofPhotoId: (await w.upload(author, 'membership_proof')).id,
      },
    }),
    // An application naming no listed org is the district's to review.
    reader: 'admin',
  },
  'POST /api/reading/seasons/{id}/checkins': {
    text: ['note'],
    photo: { field: 'photoIds', purpose: 'reading_photo', many: true },
    review: 'held',
    call: async (w) => {
      const season = await w.season();
      return {
        path: `/api/reading/seasons/${season.id}/checkins`,
        body: { bookId: season.books[0].id, minutes: 30, note: '今天读了一章，很有收获' },
      };
    },
    reader: 'otherWorker',
  },
  'POST /api/legal/questions': {
    text: ['title', 'body'],
    photo: { field: 'photoIds', purpose: 'legal_photo', many: true },
    review: 'refused',
    call: () => ({
      path: '/api/legal/questions',
      body: {
        category: 'wage_arrears',
        title: '老板拖欠工资怎么办',
        body: '我在工地干了三个月活，老板一直拖着不发工资',
        publicAllowed: false,
      },
    }),
    reader: 'staffIn',
  },
  'POST /api/legal/questions/{id}/messages': {
    text: ['body'],
    photo: { field: 'photoIds', purpose: 'legal_photo', many: true },
    review: 'refused',
    call: async (w, author) => ({
      path: `/api/legal/questions/${(await w.question(author)).id}/messages`,
      body: { body: '补充一下：老板说下个月再发' },
    }),
    reader: 'staffIn',
  },
  'POST /api/legal/questions/{id}/close': {
    text: ['comment'],
    review: 'refused',
    call: async (w, author) => ({
      path: `/api/legal/questions/${(await w.answeredQuestion(author)).id}/close`,
      body: { rating: 5, comment: '律师解答得很清楚' },
    }),
  },
  'POST /api/legal/aid-applications': {
    text: ['facts', 'employer'],
    photo: { field: 'photoIds', purpose: 'legal_photo', many: true },
    review: 'refused',
    call: () => ({
      path: '/api/legal/aid-applications',
      body: {
        kind: 'aid',
        facts: '公司拖欠两个月工资，拒不支付。',
        employer: '某某餐饮管理有限公司',
        amountInDispute: 12000,
      },
    }),
    reader: 'staffIn',
  },
  'POST /api/assistance/applications': {
    text: ['familySituation', 'reasons'],
    photo: { field: 'documentUploadIds', purpose: 'assistance_document', many: true },
    review: 'refused',
    call: () => ({ path: '/api/assistance/applications', body: { ...assistanceApplication() } }),
    reader: 'staffIn',
  },
  'PATCH /api/assistance/applications/{id}': {
    text: ['familySituation', 'reasons'],
    photo: { field: 'documentUploadIds', purpose: 'assistance_document', many: true },
    review: 'refused',
    call: async (w, author) => ({
      path: `/api/assistance/applications/${(await atStage(w, 'returned', author)).id}`,
      body: { familySituation: '补充：爱人已住院两个月，家里没有其他收入来源。', reasons: '学费三千元，补充了在读证明。' },
    }),
    reader: 'staffIn',
  },
  'POST /api/assistance/wishes': {
    text: ['title', 'story'],
    review: 'refused',
    call: async (w, author) => {
      await registered(w, author);
      return {
        path: '/api/assistance/wishes',
        body: { title: '一个新书包', story: '孩子的书包背了四年已经破了，想要一个结实的新书包。', amountYuan: 120 },
      };
    },
  },
  'POST /api/feedback': {
    text: ['text'],
    photo: { field: 'photoIds', purpose: 'feedback_photo', many: true },
    review: 'refused',
    call: () => ({
      path: '/api/feedback',
      body: { category: 'suggestion', text: '希望服务站周末也能开放领取。', wantsContact: false },
    }),
    reader: 'staffIn',
  },
};

/** Why a free-text field needs no check. */
export const STAFF_WRITTEN =
  'written by staff, lawyers or admins, accountable by name for what they publish; workers cannot call it';
const LEGAL_NAME =
  'a legal name (letters and · only) is identity data that staff verify: it is never sent to WeChat';

/**
 * Body fields that look like free text but need no check, by route, with the reason. A `STAFF_WRITTEN`
 * route is checked against the authorization matrix: a worker calling it must be refused.
 */
export const UNCHECKED_FIELDS: Record<string, { fields: string[]; photos?: string[]; reason: string }> = {
  'PATCH /api/me': { fields: ['realName'], reason: LEGAL_NAME },
  'POST /api/membership/applications': { fields: ['realName'], reason: LEGAL_NAME },
  'POST /api/orgs': { fields: ['name'], reason: STAFF_WRITTEN },
  'PATCH /api/orgs/{id}': { fields: ['name'], reason: STAFF_WRITTEN },
  'POST /api/membership/applications/{id}/reject': { fields: ['reason'], reason: STAFF_WRITTEN },
  'POST /api/membership/org-requests/{userId}/reject': { fields: ['reason'], reason: STAFF_WRITTEN },
  'POST /api/care/stations': { fields: ['name', 'address', 'hours'], reason: STAFF_WRITTEN },
  'PATCH /api/care/stations/{id}': { fields: ['name', 'address', 'hours'], reason: STAFF_WRITTEN },
  'POST /api/care/benefits': { fields: ['title', 'description'], reason: STAFF_WRITTEN },
  'PATCH /api/care/benefits/{id}': { fields: ['title', 'description'], reason: STAFF_WRITTEN },
  // A pickup code typed by station staff: looked up, never stored or shown as text.
  'POST /api/care/redemptions': { fields: ['code'], reason: STAFF_WRITTEN },
  'POST /api/quiz/banks': { fields: ['name'], reason: STAFF_WRITTEN },
  'POST /api/quiz/banks/{id}/questions': {
    fields: ['stem', 'options[].text', 'explanation', 'tags[]'],
    reason: STAFF_WRITTEN,
  },
  'PATCH /api/quiz/questions/{id}': {
    fields: ['stem', 'options[].text', 'explanation', 'tags[]'],
    reason: STAFF_WRITTEN,
  },
  'POST /api/quiz/campaigns': { fields: ['title', 'rules'], reason: STAFF_WRITTEN },
  'PATCH /api/quiz/campaigns/{id}': { fields: ['title', 'rules'], reason: STAFF_WRITTEN },
  'POST /api/reading/seasons': {
    fields: ['theme', 'description', 'books[].title', 'books[].author', 'books[].blurb'],
    reason: STAFF_WRITTEN,
  },
  'PATCH /api/reading/seasons/{id}': { fields: ['theme', 'description'], reason: STAFF_WRITTEN },
  'POST /api/reading/seasons/{id}/books': { fields: ['title', 'author', 'blurb'], reason: STAFF_WRITTEN },
  'POST /api/reading/checkins/{id}/hide': { fields: ['reason'], reason: STAFF_WRITTEN },
  'POST /api/feedback/{id}/reply': { fields: ['text'], reason: STAFF_WRITTEN },
  'POST /api/legal/cases': { fields: ['title', 'facts', 'outcome', 'law'], reason: STAFF_WRITTEN },
  'PATCH /api/legal/cases/{id}': { fields: ['title', 'facts', 'outcome', 'law'], reason: STAFF_WRITTEN },
  'POST /api/legal/aid-applications/{id}/status': { fields: ['note'], reason: STAFF_WRITTEN },
  // Staff's review records, seen by staff in scope only. Photos of a family's home are never sent to WeChat.
  'POST /api/assistance/applications/{id}/visit': {
    fields: ['visitors', 'notes'],
    photos: ['photoUploadIds'],
    reason: STAFF_WRITTEN,
  },
  'POST /api/assistance/applications/{id}/check': { fields: ['note'], reason: STAFF_WRITTEN },
  'POST /api/assistance/applications/{id}/approve': { fields: ['note'], reason: STAFF_WRITTEN },
  'POST /api/assistance/applications/{id}/return': { fields: ['reason'], reason: STAFF_WRITTEN },
  'POST /api/assistance/register': { fields: ['note'], reason: STAFF_WRITTEN },
  'POST /api/assistance/register/{id}/review': { fields: ['note'], reason: STAFF_WRITTEN },
  'POST /api/assistance/wishes/{id}/publish': { fields: ['title', 'story', 'handOverPlace'], reason: STAFF_WRITTEN },
  'POST /api/assistance/wishes/{id}/reject': { fields: ['reason'], reason: STAFF_WRITTEN },
  'POST /api/assistance/wishes/{id}/enterprise-claim': { fields: ['enterpriseName'], reason: STAFF_WRITTEN },
  'POST /api/assistance/wishes/{id}/confirm': { fields: [], photos: ['photoUploadId'], reason: STAFF_WRITTEN },
};

/**
 * Patterns that make a string a format, not prose: codes, tokens, numbers and days. A string field with
 * any other pattern (or none, and no enum or format) is free text. Upload ids are photos.
 */
export const FORMAT_PATTERNS = new Map<string, string>([
  [/^[\x21-\x7e]+$/.source, 'a WeChat login or phone code'],
  [/^[A-Za-z0-9_-]+$/.source, 'a refresh token'],
  [/^\d{8}$/.source, 'a console login code'],
  [/^[\w-]+$/.source, 'a development openid'],
  [/^[\w.-]+$/.source, 'a privacy policy version'],
  [/^\d{17}[\dX]$/.source, 'an ID card number'],
  [PHONE_PATTERN.source, 'a phone number'],
  [DAY_PATTERN.source, 'a calendar day'],
]);
export const PHOTO_PATTERN = UPLOAD_ID_PATTERN.source;
