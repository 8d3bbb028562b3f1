// Main package: the three tabs plus what a worker needs before them (login, privacy consent, profile).
// Every programme is a subpackage so the main package stays far below WeChat's 2 MB limit.
export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/services/index',
    'pages/me/index',
    'pages/login/index',
    'pages/consent/index',
    'pages/profile/index',
    'pages/console-code/index',
    'pages/personal-data/index',
  ],
  subPackages: [
    {
      root: 'packages/quiz',
      pages: [
        'pages/index/index',
        'pages/answer/index',
        'pages/result/index',
        'pages/leaderboard/index',
        'pages/mistakes/index',
        'pages/certificate/index',
        'pages/mine/index',
        'pages/past/index',
      ],
    },
    {
      root: 'packages/reading',
      pages: [
        'pages/index/index',
        'pages/checkin/index',
        'pages/feed/index',
        'pages/leaderboard/index',
        'pages/poster/index',
        'pages/notes/index',
      ],
    },
    {
      root: 'packages/care',
      pages: [
        'pages/index/index',
        'pages/benefit/index',
        'pages/claim/index',
        'pages/mine/index',
        'pages/stations/index',
        'pages/stations/detail/index',
        // Opened by scanning a claim's mini-program code (MINIAPP_PAGES.careRedeem in @jingcai/shared).
        'pages/redeem/index',
      ],
    },
    {
      root: 'packages/legal',
      pages: [
        'pages/index/index',
        'pages/ask/index',
        'pages/mine/index',
        // One question and its thread, for the asker and for the lawyer or staff answering it.
        'pages/question/index',
        'pages/cases/index',
        'pages/cases/detail/index',
        'pages/aid/index',
        'pages/aid/apply/index',
        'pages/workbench/index',
      ],
    },
    { root: 'packages/membership', pages: ['pages/apply/index', 'pages/card/index'] },
    { root: 'packages/notifications', pages: ['pages/index/index'] },
    { root: 'packages/feedback', pages: ['pages/index/index', 'pages/new/index', 'pages/detail/index'] },
    {
      root: 'packages/events',
      pages: [
        'pages/index/index',
        'pages/detail/index',
        'pages/signup/index',
        'pages/mine/index',
        // One ticket: its QR for staff, the venue code the worker types or scans, cancel, confirm an offer.
        'pages/ticket/index',
        // Venue staff check tickets in by scan or typed code.
        'pages/checkin/index',
      ],
    },
    {
      root: 'packages/assistance',
      pages: [
        'pages/index/index',
        'pages/apply/index',
        'pages/application/index',
        'pages/wishes/index',
        'pages/wishes/detail/index',
        'pages/wishes/new/index',
        'pages/wishes/mine/index',
      ],
    },
  ],
  // WeChat injects a page's components only when the page renders them: a smaller start on real phones.
  lazyCodeLoading: 'requiredComponents',
  // Every privacy-gated WeChat API the app calls (services/platform.ts, services/users.ts, services/auth.ts):
  // location APIs must be listed in requiredPrivateInfos, and each scope WeChat asks the worker for carries
  // its purpose. chooseImage/chooseMedia, saveImageToPhotosAlbum, the phone-number button and scanCode are
  // declared in the 用户隐私保护指引 (WeChat's admin console), not here; see docs/weapp.md.
  requiredPrivateInfos: ['getLocation'],
  permission: {
    // 暖新关爱 lists service stations nearest first.
    'scope.userLocation': { desc: '用于查找离你最近的服务站和活动' },
  },
  // H5 only: `animation` is not an app.json key, and WeChat's validation rejects it. Taro's H5 router hides
  // the page underneath on a timer when the slide-in ends; a back before that timer fires left a blank
  // screen. Without the slide, pages swap at once — also kinder to cheap phones.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    navigationBarTitleText: '京彩职工',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab-bar/home.png',
        selectedIconPath: 'assets/tab-bar/home-active.png',
      },
      {
        pagePath: 'pages/services/index',
        text: '服务',
        iconPath: 'assets/tab-bar/services.png',
        selectedIconPath: 'assets/tab-bar/services-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab-bar/me.png',
        selectedIconPath: 'assets/tab-bar/me-active.png',
      },
    ],
  },
});
