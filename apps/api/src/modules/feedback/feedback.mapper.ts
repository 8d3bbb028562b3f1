import { maskPhone, type FeedbackView } from '@jingcai/shared';
import type { Feedback } from './entities/feedback.entity';

/** Who is reading: the sender sees themselves as 我; staff see the sender's name and, if asked for, a masked phone. */
export type FeedbackReader =
  | { kind: 'sender' }
  | { kind: 'staff'; senderName: string; senderPhone: string | null; orgName: string | null };

export function toFeedbackView(
  item: Feedback,
  reader: FeedbackReader,
  photoUrl: (id: string) => string,
  now: Date,
): FeedbackView {
  const staff = reader.kind === 'staff' ? reader : null;
  return {
    id: item.id,
    category: item.category,
    text: item.text,
    photos: item.photoIds.map((id) => ({ id, url: photoUrl(id) })),
    wantsContact: item.wantsContact,
    status: item.status,
    senderName: staff ? staff.senderName : '我',
    // The phone is for calling back a worker who asked for it, and only ever masked.
    senderPhone: staff && item.wantsContact ? maskPhone(staff.senderPhone) : null,
    orgName: staff ? staff.orgName : null,
    reply: item.reply,
    repliedAt: item.repliedAt?.toISOString() ?? null,
    dueAt: item.dueAt.toISOString(),
    overdue: item.status === 'open' && item.dueAt < now,
    createdAt: item.createdAt.toISOString(),
  };
}
