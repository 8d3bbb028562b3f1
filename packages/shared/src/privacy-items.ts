import { UNION_HOTLINE } from './legal';

/**
 * Every WeChat privacy item (用户隐私保护指引) the mini-program uses: the one list the app's privacy gate,
 * the privacy popup, the app.json declarations (a test compares them) and docs/privacy-guide.md (generated
 * by `pnpm privacy-guide`, a test compares it) are built from. WeChat disables outright any gated API whose
 * item the 指引 does not declare, so a new gated call starts with a new entry here.
 */
export const PrivacyItemKey = {
  Phone: 'phone',
  Location: 'location',
  Photos: 'photos',
  AlbumWrite: 'album_write',
} as const;
export type PrivacyItemKey = (typeof PrivacyItemKey)[keyof typeof PrivacyItemKey];

export interface PrivacyItem {
  key: PrivacyItemKey;
  /** The item as WeChat's admin console names it (设置 → 服务内容声明 → 用户隐私保护指引). */
  wechatItem: string;
  /** WeChat's `privacy_key` for the item (getprivacysetting / setprivacysetting). */
  wechatKey: string;
  /** The WeChat APIs and components of ours the item covers. */
  apis: readonly string[];
  /** What the worker cannot do without agreeing, completing "无法…". */
  action: string;
  /** 用途, completing WeChat's sentence "…，用于【purpose】". */
  purpose: string;
  /** How long what is collected is kept (存储期限). */
  retention: string;
  /** Location APIs app.json must list in `requiredPrivateInfos`. */
  requiredPrivateInfos?: readonly string[];
  /** The app.json `permission` entry the item needs (WeChat shows `desc` in its permission dialog). */
  permission?: { scope: string; desc: string };
}

export const PRIVACY_ITEMS: readonly PrivacyItem[] = [
  {
    key: PrivacyItemKey.Phone,
    wechatItem: '手机号',
    wechatKey: 'PhoneNumber',
    apis: ['<button open-type="getPhoneNumber">'],
    action: '绑定手机号',
    purpose: '绑定你的账号，在你办理入会、领取关爱礼包、法律咨询时确认身份并与你联系',
    retention: '加密保存，直至你注销账号；注销后 15 个工作日内删除',
  },
  {
    key: PrivacyItemKey.Location,
    wechatItem: '位置信息',
    wechatKey: 'Location',
    apis: ['wx.getLocation', '<map show-location>'],
    action: '获取你的位置，服务站和活动将无法按距离排列',
    purpose: '按离你的距离由近到远列出户外劳动者服务站、职工驿站和工会活动',
    retention: '仅用于当次排序，不保存',
    requiredPrivateInfos: ['getLocation'],
    permission: { scope: 'scope.userLocation', desc: '用于查找离你最近的服务站和活动' },
  },
  {
    key: PrivacyItemKey.Photos,
    wechatItem: '选中的照片或视频信息',
    wechatKey: 'Album',
    apis: ['wx.chooseImage'],
    action: '选择照片',
    purpose: '上传入会工作证明、读书打卡照片和法律咨询的证据照片',
    retention: '随所属的入会申请、打卡或咨询记录保存；注销账号后 15 个工作日内删除',
  },
  {
    key: PrivacyItemKey.AlbumWrite,
    wechatItem: '相册（仅写入）权限',
    wechatKey: 'AlbumWriteOnly',
    apis: ['wx.saveImageToPhotosAlbum'],
    action: '把图片保存到相册',
    purpose: '把答题证书和读书海报保存到你的手机相册',
    retention: '不收集：只把图片写入你的相册',
  },
];

/** Who workers contact about their personal data (the 指引's 联系方式). */
export const PRIVACY_CONTACT = {
  name: '京彩职工（区总工会）',
  phone: UNION_HOTLINE,
} as const;

export function privacyItem(key: PrivacyItemKey): PrivacyItem {
  return PRIVACY_ITEMS.find((item) => item.key === key)!;
}
