/**
 * The mini-program's pages, in one place: the mini-program navigates by them and the API puts them in
 * notifications and subscribe messages, so a moved page breaks the typecheck on both sides, not a tap.
 */
export const MINIAPP_PAGES = {
  home: '/pages/home/index',
  services: '/pages/services/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  consent: '/pages/consent/index',
  profile: '/pages/profile/index',
  consoleCode: '/pages/console-code/index',
  quiz: '/packages/quiz/pages/index/index',
  quizAnswer: '/packages/quiz/pages/answer/index',
  quizResult: '/packages/quiz/pages/result/index',
  quizLeaderboard: '/packages/quiz/pages/leaderboard/index',
  quizMistakes: '/packages/quiz/pages/mistakes/index',
  quizCertificate: '/packages/quiz/pages/certificate/index',
  quizMine: '/packages/quiz/pages/mine/index',
  quizPast: '/packages/quiz/pages/past/index',
  reading: '/packages/reading/pages/index/index',
  readingCheckin: '/packages/reading/pages/checkin/index',
  readingFeed: '/packages/reading/pages/feed/index',
  readingLeaderboard: '/packages/reading/pages/leaderboard/index',
  readingPoster: '/packages/reading/pages/poster/index',
  readingNotes: '/packages/reading/pages/notes/index',
  care: '/packages/care/pages/index/index',
  careBenefit: '/packages/care/pages/benefit/index',
  careClaim: '/packages/care/pages/claim/index',
  careMine: '/packages/care/pages/mine/index',
  careStations: '/packages/care/pages/stations/index',
  careStation: '/packages/care/pages/stations/detail/index',
  careRedeem: '/packages/care/pages/redeem/index',
  legal: '/packages/legal/pages/index/index',
  legalAsk: '/packages/legal/pages/ask/index',
  legalMine: '/packages/legal/pages/mine/index',
  legalQuestion: '/packages/legal/pages/question/index',
  legalCases: '/packages/legal/pages/cases/index',
  legalCase: '/packages/legal/pages/cases/detail/index',
  legalAid: '/packages/legal/pages/aid/index',
  legalAidApply: '/packages/legal/pages/aid/apply/index',
  legalWorkbench: '/packages/legal/pages/workbench/index',
  membershipApply: '/packages/membership/pages/apply/index',
  memberCard: '/packages/membership/pages/card/index',
  notifications: '/packages/notifications/pages/index/index',
  personalData: '/pages/personal-data/index',
  feedback: '/packages/feedback/pages/index/index',
  feedbackNew: '/packages/feedback/pages/new/index',
  feedbackDetail: '/packages/feedback/pages/detail/index',
  assistance: '/packages/assistance/pages/index/index',
  assistanceApply: '/packages/assistance/pages/apply/index',
  assistanceApplication: '/packages/assistance/pages/application/index',
  assistanceWishes: '/packages/assistance/pages/wishes/index',
  assistanceWish: '/packages/assistance/pages/wishes/detail/index',
  assistanceWishNew: '/packages/assistance/pages/wishes/new/index',
  assistanceWishesMine: '/packages/assistance/pages/wishes/mine/index',
} as const;

export type MiniappPage = (typeof MINIAPP_PAGES)[keyof typeof MINIAPP_PAGES];

/** A page with its query: `pageUrl(MINIAPP_PAGES.careClaim, { id: 5 })` → `/packages/care/pages/claim/index?id=5`. */
export function pageUrl(page: MiniappPage, query: Record<string, string | number> = {}): string {
  const pairs = Object.entries(query).map(
    ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`,
  );
  return pairs.length ? `${page}?${pairs.join('&')}` : page;
}

/**
 * The same, as WeChat wants it in a subscribe message or a mini-program code (`page` has no leading slash):
 * `wechatPage(MINIAPP_PAGES.careClaim, { id: 5 })` → `packages/care/pages/claim/index?id=5`.
 */
export function wechatPage(page: MiniappPage, query: Record<string, string | number> = {}): string {
  return pageUrl(page, query).slice(1);
}
