import { MINIAPP_PAGES, wechatPage } from '@jingcai/shared';
import type { NotificationMessage } from '../notifications/notifications.service';

const BODIES = {
  published: '你的微心愿已通过审核，发布在心愿墙上。',
  rejected: '你的微心愿未通过审核，点击查看原因。',
  claimed: '你的微心愿已被爱心人士认领，工会将通知你领取。',
  handed_over: '爱心人士已把心愿礼物送到工会，工作人员会联系你领取。',
  fulfilled: '你的微心愿已圆梦，感谢爱心人士！',
  thanks: '你认领的微心愿已圆梦，感谢你的爱心！',
} as const;

/** What the family (or the donor, `thanks`) is told as a wish moves on; the inbox only. */
export function wishNotice(id: number, event: keyof typeof BODIES): NotificationMessage {
  return {
    kind: 'wish_updated',
    title: event === 'rejected' ? '微心愿未通过审核' : '微心愿有新进展',
    body: BODIES[event],
    page: wechatPage(MINIAPP_PAGES.assistanceWish, { id }),
  };
}
