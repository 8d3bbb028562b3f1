import { formatShanghai, MINIAPP_PAGES, wechatPage } from '@jingcai/shared';
import type { NotificationMessage } from '../notifications/notifications.service';
import { maskPersonalNumbers } from './personal-numbers';

/**
 * Tells the asker a lawyer or staff member answered, in the inbox and (when they allowed it on 提交咨询) as a
 * WeChat subscribe message. The title goes to WeChat masked, like everywhere outside the thread.
 */
export function questionAnsweredMessage(question: { id: number; title: string }, at: Date): NotificationMessage {
  return {
    kind: 'legal_answered',
    title: '你的法律咨询有了新答复',
    body: `「${question.title}」收到了答复，点击查看。`,
    page: wechatPage(MINIAPP_PAGES.legalQuestion, { id: question.id }),
    subscribe: {
      template: 'question_answered',
      data: {
        thing1: maskPersonalNumbers(question.title).slice(0, 20),
        phrase2: '已答复',
        time3: formatShanghai(at, 'dateTime'),
      },
    },
  };
}
