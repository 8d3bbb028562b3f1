import { formatShanghai, MINIAPP_PAGES, wechatPage } from '@jingcai/shared';
import type { NotificationMessage } from '../notifications/notifications.service';

interface Ticket {
  id: number;
  eventTitle: string;
  sessionLabel: string;
  sessionStartsAt: Date;
  venue: string;
}

const ticketPage = (id: number) => wechatPage(MINIAPP_PAGES.eventsTicket, { id });

/** The draw's outcome for one entry: won (a place) or waitlisted (with the place in line). */
export function lotteryResultMessage(ticket: Ticket, won: boolean, position: number): NotificationMessage {
  return {
    kind: 'event_result',
    title: won ? '抽签结果：恭喜中签' : '抽签结果：已进入候补',
    body: won
      ? `「${ticket.eventTitle}」${ticket.sessionLabel} 中签了，请按时参加并出示电子票签到。`
      : `「${ticket.eventTitle}」${ticket.sessionLabel} 未中签，你在候补第 ${position} 位，有人取消时会通知你确认。`,
    page: ticketPage(ticket.id),
  };
}

export function offerMessage(ticket: Ticket, offerExpiresAt: Date): NotificationMessage {
  return {
    kind: 'event_offer',
    title: '候补递补：请确认名额',
    body: `「${ticket.eventTitle}」${ticket.sessionLabel} 有名额空出，请在 ${formatShanghai(offerExpiresAt, 'minute')} 前确认，逾期将顺延给下一位。`,
    page: ticketPage(ticket.id),
  };
}

/** The day-before reminder, as inbox entry and (when the worker allowed it on 报名) subscribe message. */
export function reminderMessage(ticket: Ticket): NotificationMessage {
  const at = formatShanghai(ticket.sessionStartsAt, 'minute');
  return {
    kind: 'event_reminder',
    title: '活动提醒：明天见',
    body: `「${ticket.eventTitle}」${ticket.sessionLabel} 将于 ${at} 在「${ticket.venue}」开始，请带好电子票按时签到。`,
    page: ticketPage(ticket.id),
    subscribe: {
      template: 'event_reminder',
      data: {
        thing1: ticket.eventTitle.slice(0, 20),
        time2: at,
        thing3: ticket.venue.slice(0, 20),
      },
    },
  };
}
