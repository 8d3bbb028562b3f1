// The content-safety table: every route that takes text or photos a worker wrote and someone else reads, and
// every other free-text body field of the API with the reason it needs no check. The coverage suite reads the
// OpenAPI document, so a new route whose free text or photos appear in neither list fails it.
import {
  FORM_FIELD_KEY_PATTERN,
  PHONE_PATTERN,
  TICKET_CODE_PATTERN,
  VENUE_CODE_PATTERN,
  type MeView,
  type UploadPurpose,
} from '@jingcai/shared';
import { DAY_PATTERN } from '../../src/modules/reading/dto/day';
import { UPLOAD_ID_PATTERN } from '../../src/modules/uploads/upload-id';
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
export const UNCHECKED_FIELDS: Record<string, { fields: string[]; reason: string }> = {
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
  // Events (issue 23): staff write the event, its sessions and form, and upload its cover.
  'POST /api/events': {
    fields: [
      'title',
      'description',
      'coverId photo',
      'venue',
      'form[].label',
      'form[].options[]',
      'sessions[].label',
    ],
    reason: STAFF_WRITTEN,
  },
  'PATCH /api/events/{id}': {
    fields: ['title', 'description', 'coverId photo', 'venue', 'form[].label', 'form[].options[]'],
    reason: STAFF_WRITTEN,
  },
  'POST /api/events/{id}/signups': { fields: ['child.name', 'child.guardian'], reason: LEGAL_NAME },
};

/**
 * Checked in the service rather than by this table's harness, which addresses top-level fields only: one
 * `value` field carries every form answer, and only answers to text-type fields are free text. SignupsService
 * sends each to msg_sec_check (`answers.<key>`, refused on review); events.e2e-spec.ts proves it.
 */
export const CHECKED_IN_SERVICE: Record<string, { fields: string[]; reason: string }> = {
  'POST /api/events/{id}/signups': {
    fields: ['answers[].value'],
    reason: 'text-type form answers are checked by SignupsService (msg_sec_check, refused on review)',
  },
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
  [TICKET_CODE_PATTERN.source, 'an event ticket code'],
  [VENUE_CODE_PATTERN.source, 'an event venue check-in code'],
  [FORM_FIELD_KEY_PATTERN.source, 'an event form field key'],
]);
export const PHOTO_PATTERN = UPLOAD_ID_PATTERN.source;
