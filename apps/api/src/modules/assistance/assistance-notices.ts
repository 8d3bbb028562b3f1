import {
  ASSISTANCE_KIND_LABELS,
  MINIAPP_PAGES,
  formatShanghai,
  wechatPage,
  type AssistanceKind,
  type AssistanceStatus,
} from '@jingcai/shared';
import type { NotificationMessage } from '../notifications/notifications.service';

/** Short results for the subscribe message's `phrase` field (at most 5 characters). */
const RESULTS: Record<AssistanceStatus, string> = {
  submitted: '已受理',
  checked: '审核通过',
  approved: '审批通过',
  granted: '已发放',
  returned: '已退回',
  withdrawn: '已撤回',
};

const BODIES: Record<AssistanceStatus, string> = {
  submitted: '已重新提交，等待审核。',
  checked: '已通过所在工会审核，等待街道工会审批。',
  approved: '已通过街道工会审批，等待区总工会发放。',
  granted: '帮扶已发放，请留意工会工作人员的联系。',
  returned: '被退回，请查看退回原因并修改后重新提交。',
  withdrawn: '已撤回。',
};

/**
 * What the applicant is told at each change: in the inbox, and as the `application_reviewed` subscribe
 * message. Neither says anything of the family's situation or the reason (WeChat carries the latter): the
 * worker reads those in the mini-program.
 */
export function applicationNotice(
  id: number,
  kind: AssistanceKind,
  status: AssistanceStatus,
  at: Date,
): NotificationMessage {
  return {
    kind: 'assistance_updated',
    title: `帮扶申请${RESULTS[status]}`,
    body: `你的${ASSISTANCE_KIND_LABELS[kind]}帮扶申请${BODIES[status]}`,
    page: wechatPage(MINIAPP_PAGES.assistanceApplication, { id }),
    subscribe: {
      template: 'application_reviewed',
      data: {
        thing1: '困难职工帮扶申请',
        phrase2: RESULTS[status],
        thing3: '详情请在小程序内查看',
        time4: formatShanghai(at, 'dateTime'),
      },
    },
  };
}

/**
 * Staff filed an application in the worker's name: the worker hears of it at once, so one filed without
 * their real agreement does not go unnoticed (the consent is only the staff member's word).
 */
export function filedOnBehalfNotice(id: number, kind: AssistanceKind, at: Date): NotificationMessage {
  return {
    ...applicationNotice(id, kind, 'submitted', at),
    title: '工会已代你提交帮扶申请',
    body: `工会工作人员已代你提交${ASSISTANCE_KIND_LABELS[kind]}帮扶申请，等待审核。如你未同意代为申请，请联系所在工会。`,
  };
}
