// Data for the 职工读书季 specs (imported by specs only, so no page bundle carries it). Days are counted
// from the real today in Shanghai, so the pages' "today" and the data agree whenever the tests run.
import type {
  CheckinResultView,
  CheckinView,
  FeedItemView,
  MyReadingView,
  ReaderRankView,
  ReadingOrgRankView,
  SeasonView,
} from '@jingcai/shared';
import { todayInShanghai } from './reading-format';

/** Today in Shanghai moved by `offset` days (−1 is yesterday). */
export function dayFromToday(offset: number): string {
  const date = new Date(`${todayInShanghai()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

export function seasonView(overrides: Partial<SeasonView> = {}): SeasonView {
  return {
    id: 5,
    theme: '阅读新时代 建功新征程',
    description: '每天读一点，写下你的收获。',
    startsOn: dayFromToday(-10),
    endsOn: dayFromToday(60),
    minNoteLength: 10,
    makeUpAllowance: 3,
    badgeThresholds: [7, 21, 50],
    status: 'published',
    books: [
      { id: 51, title: '平凡的世界', author: '路遥', coverUrl: null, blurb: '黄土高原上普通人的奋斗史。' },
      { id: 52, title: '红岩', author: '罗广斌、杨益言', coverUrl: 'http://api.test/covers/hongyan.jpg', blurb: '' },
    ],
    ownerOrg: { id: 1, name: '京口区总工会', kind: 'district' },
    audienceOrg: null,
    ...overrides,
  };
}

export function myReadingView(overrides: Partial<MyReadingView> = {}): MyReadingView {
  return {
    seasonId: 5,
    today: dayFromToday(0),
    days: 0,
    currentStreak: 0,
    longestStreak: 0,
    minutes: 0,
    badges: [],
    nextBadge: 7,
    checkedInToday: false,
    makeUpsLeft: 3,
    checkinDays: [],
    posterUrl: 'http://api.test/api/reading/posters/5-7.png?sig=x',
    ...overrides,
  };
}

export function checkinView(overrides: Partial<CheckinView> = {}): CheckinView {
  return {
    id: 901,
    seasonId: 5,
    day: dayFromToday(0),
    book: { id: 51, title: '平凡的世界' },
    minutes: 45,
    note: '孙少平在苦难中不失尊严，读来很受鼓舞。',
    photos: [],
    makeUp: false,
    status: 'published',
    likeCount: 0,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

export function checkinResult(checkin: Partial<CheckinView> = {}, me: Partial<MyReadingView> = {}): CheckinResultView {
  return {
    checkin: checkinView(checkin),
    me: myReadingView({
      days: 1,
      currentStreak: 1,
      longestStreak: 1,
      minutes: 45,
      checkedInToday: true,
      checkinDays: [dayFromToday(0)],
      ...me,
    }),
  };
}

export function feedItem(overrides: Partial<FeedItemView> = {}): FeedItemView {
  return {
    id: 901,
    author: { name: '张*', org: '大市口街道工会' },
    day: dayFromToday(0),
    book: { id: 51, title: '平凡的世界' },
    minutes: 45,
    note: '孙少平在苦难中不失尊严，读来很受鼓舞。',
    photos: [],
    makeUp: false,
    likeCount: 2,
    likedByMe: false,
    mine: false,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

export function readerRank(rank: number, name: string, overrides: Partial<ReaderRankView> = {}): ReaderRankView {
  return { rank, userId: rank, name, org: '大市口街道工会', days: 30 - rank, longestStreak: 20 - rank, minutes: 900, ...overrides };
}

export function orgRank(overrides: Partial<ReadingOrgRankView> = {}): ReadingOrgRankView {
  return {
    rank: 1,
    org: { id: 2, name: '大市口街道工会', kind: 'street' },
    participants: 43,
    memberCount: 8600,
    participationRate: 0.005,
    totalMinutes: 12840,
    ...overrides,
  };
}
