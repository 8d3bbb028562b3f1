import { ROUTES, type Route } from './routes';

/** The programmes; each is its own subpackage whose folder carries the same name as its API feature. */
export type FeatureKey = 'quiz' | 'reading' | 'care' | 'legal' | 'events' | 'assistance';

export interface Feature {
  key: FeatureKey;
  title: string;
  /** One character for the card's badge. */
  badge: string;
  /** A few words for the entry cards. */
  summary: string;
  /** What the feature lets a worker do, for its own page. */
  description: string;
  route: Route;
}

export const FEATURES: readonly Feature[] = [
  {
    key: 'quiz',
    title: '学习答题',
    badge: '学',
    summary: '知识竞赛 边学边答',
    description: '参加工会组织的知识竞赛：限时答题、查看答案解析、错题本练习，上排行榜，合格即可领取电子证书。',
    route: ROUTES.quiz,
  },
  {
    key: 'reading',
    title: '职工读书季',
    badge: '读',
    summary: '每日打卡 分享读后感',
    description: '参加职工读书季：浏览推荐书单，每天阅读打卡、写读后感，连续打卡赢取阅读徽章，为所在组织争光。',
    route: ROUTES.reading,
  },
  {
    key: 'care',
    title: '暖新关爱',
    badge: '暖',
    summary: '暖新礼包 夏送清凉',
    description: '领取暖新礼包、夏送清凉、免费体检等关爱服务，凭取件码到服务站领取，还能查找附近的户外劳动者服务站。',
    route: ROUTES.care,
  },
  {
    key: 'legal',
    title: '法律维权',
    badge: '法',
    summary: '律师在线 帮您维权',
    description: '遇到欠薪、劳动合同、工伤等问题，向劳模律师和法律志愿者在线咨询，浏览典型案例，申请法律援助或调解。',
    route: ROUTES.legal,
  },
  {
    key: 'events',
    title: '活动报名',
    badge: '活',
    summary: '文体活动 暑托班 体检预约',
    description: '报名工会组织的球赛、讲座、暑托班、疗休养和免费体检，名额紧张时公开抽签，凭电子票到场签到。',
    route: ROUTES.events,
  },
  {
    key: 'assistance',
    title: '困难帮扶',
    badge: '帮',
    summary: '困难帮扶 微心愿',
    description: '生活困难、医疗救助、子女助学可申请工会帮扶，逐级审批、进度随时可查；认领微心愿，为困难职工家庭圆梦。',
    route: ROUTES.assistance,
  },
];

export function featureByKey(key: FeatureKey): Feature {
  const feature = FEATURES.find((candidate) => candidate.key === key);
  if (!feature) throw new Error(`unknown feature ${key}`);
  return feature;
}

/** 全国总工会职工服务热线. */
export const UNION_HOTLINE = '12351';
