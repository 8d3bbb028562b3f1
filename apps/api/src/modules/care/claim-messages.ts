import { formatShanghai, MINIAPP_PAGES, wechatPage, type ClaimView } from '@jingcai/shared';
import type { NotificationMessage } from '../notifications/notifications.service';
import type { Claim } from './entities/claim.entity';

/**
 * What a worker is told about their claim, in the inbox and (when they allowed it on 确认领取) as a WeChat
 * subscribe message. Template values follow WeChat's limits: `thing` ≤ 20 characters.
 */
export function claimReadyMessage(claim: ClaimView): NotificationMessage {
  const deadline = formatShanghai(claim.expiresAt, 'minute');
  return {
    kind: 'claim_ready',
    title: '领取成功，请按时到站领取',
    body: `「${claim.benefit.title}」请在 ${deadline} 前到「${claim.station.name}」出示领取码 ${claim.code}。`,
    page: wechatPage(MINIAPP_PAGES.careClaim, { id: claim.claimId }),
    subscribe: {
      template: 'claim_ready',
      data: {
        thing1: claim.benefit.title.slice(0, 20),
        character_string2: claim.code,
        thing3: claim.station.name.slice(0, 20),
        time4: deadline,
      },
    },
  };
}

/** Needs the claim's benefit and station loaded. */
export function claimExpiringMessage(claim: Claim): NotificationMessage {
  const deadline = formatShanghai(claim.expiresAt, 'minute');
  return {
    kind: 'claim_expiring',
    title: '福利即将过期',
    body: `你领取的「${claim.benefit!.title}」请在 ${deadline} 前到「${claim.station!.name}」领取，领取码 ${claim.code}。`,
    page: wechatPage(MINIAPP_PAGES.careClaim, { id: claim.id }),
    subscribe: {
      template: 'claim_expiring',
      data: {
        thing1: claim.benefit!.title.slice(0, 20),
        thing2: claim.station!.name.slice(0, 20),
        time3: deadline,
      },
    },
  };
}
